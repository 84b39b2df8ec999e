package dev.ticketbridge.connection.service;

import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.platform.problem.ProblemException;

/** No token can be given because of the connection's status; answered 409 with {@code connectionStatus}. */
public class ConnectionUnavailableException extends ProblemException {

    private final ConnectionStatus connectionStatus;

    public ConnectionUnavailableException(ConnectionStatus connectionStatus, String detail) {
        super(409, "No token available", detail);
        this.connectionStatus = connectionStatus;
    }

    public ConnectionStatus connectionStatus() {
        return connectionStatus;
    }
}
