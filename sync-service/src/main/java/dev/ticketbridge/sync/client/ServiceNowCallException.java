package dev.ticketbridge.sync.client;

/** A Table API call failed; the message carries ServiceNow's own message and detail, never a token. */
public class ServiceNowCallException extends Exception {

    private final int status;

    public ServiceNowCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ServiceNowCallException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** HTTP status, or 0 when no response came (timeout, connection refused). */
    public int status() {
        return status;
    }
}
