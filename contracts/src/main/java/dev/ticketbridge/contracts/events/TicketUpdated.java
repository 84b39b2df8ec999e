package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A tracked record changed in ServiceNow. Consumers keep the highest {@link #sysModCount()} per record:
 * events may arrive more than once or out of order.
 */
public record TicketUpdated(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        UUID shareId,
        TicketType ticketType,
        String sysId,
        String number,
        TicketState state,
        TicketState previousState,
        String assignedTo,
        long sysModCount,
        Instant sysUpdatedOn,
        boolean closed) implements TicketbridgeEvent {

    public static final int VERSION = 1;

    public TicketUpdated {
        Required.field(eventId, "eventId");
        Required.version(schemaVersion);
        Required.field(occurredAt, "occurredAt");
        Required.text(tenantId, "tenantId");
        Required.field(shareId, "shareId");
        Required.field(ticketType, "ticketType");
        Required.text(sysId, "sysId");
        Required.text(number, "number");
        Required.field(state, "state");
        Required.field(sysUpdatedOn, "sysUpdatedOn");
    }

    public String table() {
        return ticketType.table();
    }

    @Override
    public String key() {
        return shareId.toString();
    }
}
