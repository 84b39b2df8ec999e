package dev.ticketbridge.contracts.kafka;

/** A Kafka record that is not a readable Ticketbridge event; the message says what is wrong with it. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
