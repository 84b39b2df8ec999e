package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Ticketbridge event carries. Events are immutable; a breaking change is a new type, so
 * {@link #schemaVersion()} only grows with additive changes.
 */
public interface TicketbridgeEvent {

    /** Unique per event; consumers de-duplicate on it. */
    UUID eventId();

    int schemaVersion();

    Instant occurredAt();

    String tenantId();

    /** The Kafka record key (and CloudEvents subject) under which this event is published. */
    String key();
}
