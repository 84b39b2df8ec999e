package dev.ticketbridge.ticket;

import java.util.Map;

/** A record from {@code ticketing.share-requests} that could not be taken in, with its original headers and bytes. */
public record DeadLetter(String key, Map<String, String> headers, byte[] value) {

    /** Header naming why the record was dead-lettered. */
    public static final String REASON_HEADER = "dlq-reason";
    /** Header SmallRye's dead-letter strategy uses when a processing failure sent the record here. */
    public static final String FRAMEWORK_REASON_HEADER = "dead-letter-reason";

    /** The reason recorded when the record was dead-lettered, by us or by the framework. */
    public String reason() {
        return headers.getOrDefault(REASON_HEADER, headers.getOrDefault(FRAMEWORK_REASON_HEADER, "unknown"));
    }
}
