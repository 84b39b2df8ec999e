package dev.ticketbridge.sync.client;

/** No token can be had for a tenant: no connection, or it needs re-authorization, or connection-service failed. */
public class TokenUnavailableException extends Exception {

    private final String connectionStatus;

    public TokenUnavailableException(String message, String connectionStatus) {
        super(message);
        this.connectionStatus = connectionStatus;
    }

    /** The connection status connection-service reported, when it said why; else null. */
    public String connectionStatus() {
        return connectionStatus;
    }
}
