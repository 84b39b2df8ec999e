package dev.ticketbridge.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine is usable, asked once; {@code TICKETBRIDGE_TEST_DOCKER=false} skips the probe. */
public final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    public static boolean available() {
        if (available == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    available = !"false".equalsIgnoreCase(System.getenv("TICKETBRIDGE_TEST_DOCKER")) && probe();
                }
            }
        }
        return available;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
