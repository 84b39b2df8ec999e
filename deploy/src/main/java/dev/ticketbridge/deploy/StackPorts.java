package dev.ticketbridge.deploy;

/** The ports of the local stack, matching the README's table. */
record StackPorts(int gateway, int connection, int ticket, int sync, int emulator, int kafka, int kafkaController,
        int keycloak) {

    static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8089, 9092, 9093, 8180);
    }
}
