package dev.ticketbridge.ticket.client;

/** The tenant has no connection (404) or one that cannot give a token now (409, e.g. NEEDS_REAUTHORIZATION). */
public class ConnectionUnavailableException extends RuntimeException {

    private final String connectionStatus;

    public ConnectionUnavailableException(String tenantId, String connectionStatus) {
        super("tenant " + tenantId + " has no usable ServiceNow connection (" + connectionStatus + ")");
        this.connectionStatus = connectionStatus;
    }

    /** NOT_CONNECTED when the tenant has no connection, else the status connection-service reported. */
    public String connectionStatus() {
        return connectionStatus;
    }
}
