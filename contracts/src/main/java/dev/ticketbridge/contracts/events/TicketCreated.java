package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** ServiceNow accepted a share: the record now exists. Keyed by share id on {@code ticketing.ticket-events}. */
public record TicketCreated(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        UUID shareId,
        TicketType ticketType,
        String sysId,
        String number,
        String recordUrl,
        TicketState state,
        long sysModCount,
        Instant sysUpdatedOn) implements TicketbridgeEvent {

    public static final int VERSION = 1;

    public TicketCreated {
        Required.field(eventId, "eventId");
        Required.version(schemaVersion);
        Required.field(occurredAt, "occurredAt");
        Required.text(tenantId, "tenantId");
        Required.field(shareId, "shareId");
        Required.field(ticketType, "ticketType");
        Required.text(sysId, "sysId");
        Required.text(number, "number");
        Required.text(recordUrl, "recordUrl");
        Required.field(state, "state");
        Required.field(sysUpdatedOn, "sysUpdatedOn");
    }

    /** The ServiceNow table holding the record. */
    public String table() {
        return ticketType.table();
    }

    @Override
    public String key() {
        return shareId.toString();
    }
}
