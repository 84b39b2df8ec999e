package dev.ticketbridge.ticket.support;

import dev.ticketbridge.contracts.SampleEvents;
import dev.ticketbridge.contracts.events.ChangeType;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TaskDetails;
import dev.ticketbridge.contracts.events.TicketType;
import java.util.UUID;

/** Share requests for tests, built on the contract's sample: vary only what a test is about. */
public final class Shares {

    private ShareRequested base;

    private Shares(String tenantId, TicketType type) {
        base = SampleEvents.shareRequested(tenantId, UUID.randomUUID(), type);
    }

    public static Shares change(String tenantId) {
        return new Shares(tenantId, TicketType.CHANGE_REQUEST);
    }

    public static Shares incident(String tenantId) {
        return new Shares(tenantId, TicketType.INCIDENT);
    }

    public Shares priority(Priority priority) {
        TaskDetails task = base.task();
        return task(new TaskDetails(task.name(), task.description(), priority, task.dueDate()));
    }

    public Shares task(TaskDetails task) {
        base = new ShareRequested(base.eventId(), base.schemaVersion(), base.occurredAt(), base.tenantId(),
                base.shareId(), base.requestedBy(), base.ticketType(), base.changeType(), base.action(), task);
        return this;
    }

    public Shares changeType(ChangeType type) {
        base = new ShareRequested(base.eventId(), base.schemaVersion(), base.occurredAt(), base.tenantId(),
                base.shareId(), base.requestedBy(), base.ticketType(), type, base.action(), base.task());
        return this;
    }

    public ShareRequested build() {
        return base;
    }

    /** The same share in a new event, as a replay or a second publication by the gateway would carry it. */
    public static ShareRequested redelivered(ShareRequested share) {
        return new ShareRequested(UUID.randomUUID(), share.schemaVersion(), share.occurredAt(), share.tenantId(),
                share.shareId(), share.requestedBy(), share.ticketType(), share.changeType(), share.action(),
                share.task());
    }
}
