package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator shared an improvement action to ServiceNow. Published by the gateway on
 * {@code ticketing.share-requests}, keyed by tenant; {@link #shareId()} is the idempotency key
 * that becomes the record's {@code correlation_id}.
 */
public record ShareRequested(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        UUID shareId,
        String requestedBy,
        TicketType ticketType,
        ChangeType changeType,
        ImprovementAction action,
        TaskDetails task) implements TicketbridgeEvent {

    public static final int VERSION = 1;

    public ShareRequested {
        Required.field(eventId, "eventId");
        Required.version(schemaVersion);
        Required.field(occurredAt, "occurredAt");
        Required.text(tenantId, "tenantId");
        Required.field(shareId, "shareId");
        Required.text(requestedBy, "requestedBy");
        Required.field(ticketType, "ticketType");
        Required.field(action, "action");
        Required.field(task, "task");
        if (changeType == null && ticketType == TicketType.CHANGE_REQUEST) {
            changeType = ChangeType.NORMAL;
        }
    }

    @Override
    public String key() {
        return tenantId;
    }
}
