package dev.ticketbridge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The ports of the local stack: the README's fixed ones for people, free ones for tests. {@code secondEmulator} is
 * the port of a second emulated ServiceNow instance, or 0 for none (the end-to-end tests use two instances side by
 * side; the local stack for people runs one).
 */
public record StackPorts(int gateway, int connection, int ticket, int sync, int emulator, int kafka, int kafkaController,
        int keycloak, int secondEmulator) {

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8089, 9092, 9093, 8180, 0);
    }

    /** Ports the operating system reports free now, so a test stack never collides with anything. */
    public static StackPorts free() {
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), 0);
    }

    /** The same ports plus a free one for a second emulated ServiceNow instance. */
    public StackPorts withSecondEmulator() {
        return new StackPorts(gateway, connection, ticket, sync, emulator, kafka, kafkaController, keycloak, freePort());
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
