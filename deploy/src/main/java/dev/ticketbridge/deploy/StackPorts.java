package dev.ticketbridge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** The ports of the local stack: the README's fixed ones for people, free ones for tests. */
public record StackPorts(int gateway, int connection, int ticket, int sync, int emulator, int kafka, int kafkaController,
        int keycloak) {

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8089, 9092, 9093, 8180);
    }

    /** Ports the operating system reports free now, so a test stack never collides with anything. */
    public static StackPorts free() {
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
