package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.gateway.ShareStatus;
import dev.ticketbridge.gateway.persistence.ShareRecord;
import dev.ticketbridge.gateway.persistence.SummaryBuckets;
import dev.ticketbridge.platform.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies ticket events to the read model, once per event id and in any order: a record's state only moves to an
 * event with a higher {@code sys_mod_count}, and a created record is never turned back into a failed share.
 */
@ApplicationScoped
public class TicketReadModel {

    static final String CONSUMER = "gateway.ticket-events";
    private static final Logger LOG = Logger.getLogger(TicketReadModel.class);

    private final Inbox inbox;
    private final SummaryBuckets buckets;

    public TicketReadModel(Inbox inbox, SummaryBuckets buckets) {
        this.inbox = inbox;
        this.buckets = buckets;
    }

    @Transactional
    public void apply(TicketbridgeEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        if (event instanceof TicketCreated created) {
            applyCreated(created);
        } else if (event instanceof TicketUpdated updated) {
            applyUpdated(updated);
        } else if (event instanceof TicketCreationFailed failed) {
            applyFailed(failed);
        } else {
            throw new IllegalArgumentException("not a ticket event: " + event.getClass().getSimpleName());
        }
    }

    private void applyCreated(TicketCreated event) {
        ShareRecord share = lockOrCreate(event.shareId(), event.tenantId(), event.ticketType(), event.occurredAt());
        if (share == null) {
            return;
        }
        Change change = new Change(share);
        markCreated(share, event.sysId(), event.number());
        share.recordUrl = event.recordUrl();
        if (event.sysModCount() > share.sysModCount) {
            moveState(share, event.state(), event.sysModCount(), event.sysUpdatedOn());
        }
        change.commit(buckets, event.occurredAt());
    }

    private void applyUpdated(TicketUpdated event) {
        ShareRecord share = lockOrCreate(event.shareId(), event.tenantId(), event.ticketType(), event.occurredAt());
        if (share == null) {
            return;
        }
        Change change = new Change(share);
        markCreated(share, event.sysId(), event.number());
        if (event.sysModCount() > share.sysModCount) {
            moveState(share, event.state(), event.sysModCount(), event.sysUpdatedOn());
            share.assignedTo = event.assignedTo();
            share.closed = event.closed();
        }
        change.commit(buckets, event.occurredAt());
    }

    private void applyFailed(TicketCreationFailed event) {
        ShareRecord share = lockOrCreate(event.shareId(), event.tenantId(), event.ticketType(), event.occurredAt());
        if (share == null || share.status == ShareStatus.CREATED) {
            return;
        }
        Change change = new Change(share);
        share.status = ShareStatus.FAILED;
        share.failureReason = event.reason().name();
        share.failureMessage = event.message();
        change.commit(buckets, event.occurredAt());
    }

    private static void markCreated(ShareRecord share, String sysId, String number) {
        share.status = ShareStatus.CREATED;
        share.sysId = sysId;
        share.number = number;
        share.failureReason = null;
        share.failureMessage = null;
    }

    private void moveState(ShareRecord share, TicketState state, long modCount, Instant sysUpdatedOn) {
        if (!state.label().isBlank()) {
            buckets.rememberLabel(share.tenantId, share.ticketType, state.code(), state.label());
        }
        share.stateCode = state.code();
        share.stateLabel = state.label();
        share.sysModCount = modCount;
        share.sysUpdatedOn = sysUpdatedOn;
    }

    /** The share, locked; a new row when the gateway has not seen it; null when it belongs to another tenant. */
    private static ShareRecord lockOrCreate(UUID shareId, String tenantId, TicketType type, Instant occurredAt) {
        ShareRecord share = ShareRecord.findById(shareId, LockModeType.PESSIMISTIC_WRITE);
        if (share == null) {
            share = new ShareRecord();
            share.shareId = shareId;
            share.tenantId = tenantId;
            share.ticketType = type.name();
            share.status = ShareStatus.PENDING;
            share.requestedAt = occurredAt;
            share.updatedAt = occurredAt;
            return share;
        }
        if (!share.tenantId.equals(tenantId)) {
            LOG.warnf("Ignored a ticket event of tenant %s for share %s of another tenant", tenantId, shareId);
            return null;
        }
        return share;
    }

    /** Remembers a share's buckets before a change, and moves the counters once the change is made. */
    private static final class Change {

        private final ShareRecord share;
        private final SummaryBuckets.BucketKey bucketBefore;
        private final SummaryBuckets.ActionKey actionBefore;

        Change(ShareRecord share) {
            this.share = share;
            boolean isNew = !share.isPersistent();
            this.bucketBefore = isNew ? null : SummaryBuckets.BucketKey.of(share);
            this.actionBefore = isNew ? null : SummaryBuckets.ActionKey.of(share);
        }

        void commit(SummaryBuckets buckets, Instant occurredAt) {
            if (occurredAt.isAfter(share.updatedAt)) {
                share.updatedAt = occurredAt;
            }
            share.persist();
            buckets.move(bucketBefore, SummaryBuckets.BucketKey.of(share));
            buckets.moveAction(actionBefore, SummaryBuckets.ActionKey.of(share));
        }
    }
}
