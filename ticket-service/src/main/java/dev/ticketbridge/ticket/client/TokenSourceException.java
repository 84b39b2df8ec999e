package dev.ticketbridge.ticket.client;

/** The token API could not be reached or answered unexpectedly; worth trying again later. */
public class TokenSourceException extends RuntimeException {

    public TokenSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public TokenSourceException(String message) {
        super(message);
    }
}
