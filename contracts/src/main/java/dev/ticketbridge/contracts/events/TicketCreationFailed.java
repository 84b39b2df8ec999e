package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A share could not become a ServiceNow record, permanently. {@link #message()} is ServiceNow's own words where it gave any. */
public record TicketCreationFailed(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        UUID shareId,
        TicketType ticketType,
        FailureReason reason,
        String message,
        Integer httpStatus,
        int attempts) implements TicketbridgeEvent {

    public static final int VERSION = 1;

    /** Why the share failed, coarse enough for a user to act on. */
    public enum FailureReason {
        /** ServiceNow refused the record (400, or 403 for an ACL or data policy). */
        SERVICENOW_REJECTED,
        /** The tenant has no usable connection and the wait for one ran out. */
        CONNECTION_UNAVAILABLE,
        /** ServiceNow kept failing (5xx, timeouts, rate limits, hibernation) until retries ran out. */
        SERVICENOW_UNAVAILABLE,
        /** The request itself was invalid. */
        INVALID_REQUEST
    }

    public TicketCreationFailed {
        Required.field(eventId, "eventId");
        Required.version(schemaVersion);
        Required.field(occurredAt, "occurredAt");
        Required.text(tenantId, "tenantId");
        Required.field(shareId, "shareId");
        Required.field(ticketType, "ticketType");
        Required.field(reason, "reason");
        Required.text(message, "message");
    }

    @Override
    public String key() {
        return shareId.toString();
    }
}
