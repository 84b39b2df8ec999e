package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.platform.outbox.Outbox;
import dev.ticketbridge.ticket.TicketRecord;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records how an attempt ended, each in one transaction with the event it publishes (outbox). An outcome applies
 * only while the claim it belongs to still holds, so a worker whose lease ran out cannot overwrite a newer attempt.
 */
@ApplicationScoped
public class ShareOutcomes {

    private static final Logger LOG = Logger.getLogger(ShareOutcomes.class);

    private final Outbox outbox;
    private final StateLabels labels;
    private final ShareMetrics metrics;

    public ShareOutcomes(Outbox outbox, StateLabels labels, ShareMetrics metrics) {
        this.outbox = outbox;
        this.labels = labels;
        this.metrics = metrics;
    }

    @Transactional
    public void created(Claim claim, TicketRecord record, int calls) {
        claimed(claim).ifPresent(share -> {
            share.status = ShareRegistration.Status.CREATED;
            share.sysId = record.sysId();
            share.number = record.number();
            share.recordUrl = record.recordUrl();
            share.stateCode = record.stateCode();
            share.attempts += calls;
            share.leaseUntil = null;
            share.lookupFirst = false;
            share.completedAt = Instant.now();
            String label = labels.labelFor(share.tenantId, record.table(), record.stateCode());
            outbox.publish(new TicketCreated(UUID.randomUUID(), TicketCreated.VERSION, now(), share.tenantId,
                    share.shareId, claim.ticketType(), record.sysId(), record.number(), record.recordUrl(),
                    new TicketState(record.stateCode(), label), record.sysModCount(), record.sysUpdatedOn()));
            metrics.created(record.table());
            LOG.infof("Created %s %s in %d call(s)", record.table(), record.number(), calls);
        });
    }

    @Transactional
    public void failed(Claim claim, FailureReason reason, String message, Integer httpStatus, int calls) {
        claimed(claim).ifPresent(share -> {
            share.status = ShareRegistration.Status.FAILED;
            share.failureReason = reason.name();
            share.lastError = message;
            share.lastHttpStatus = httpStatus;
            share.attempts += calls;
            share.leaseUntil = null;
            share.completedAt = Instant.now();
            outbox.publish(new TicketCreationFailed(UUID.randomUUID(), TicketCreationFailed.VERSION, now(),
                    share.tenantId, share.shareId, claim.ticketType(), reason, message, httpStatus, share.attempts));
            metrics.failed(reason);
            LOG.infof("Ticket creation failed (%s): %s", reason, message);
        });
    }

    /** Back to the queue until {@code notBefore}; {@code outcomeUnknown} makes the next attempt look up first. */
    @Transactional
    public void retryLater(Claim claim, Instant notBefore, Retry retry) {
        claimed(claim).ifPresent(share -> {
            share.status = ShareRegistration.Status.RECEIVED;
            share.nextAttemptAt = notBefore;
            share.leaseUntil = null;
            share.attempts += retry.calls();
            share.lookupFirst = claim.lookupFirst() || retry.outcomeUnknown();
            share.failures = retry.countsAsFailure() ? share.failures + 1 : share.failures;
            share.lastError = retry.message();
            share.lastHttpStatus = retry.httpStatus();
            share.parkedSince = null;
            if (retry.hibernating() && share.hibernatingSince == null) {
                share.hibernatingSince = Instant.now();
            } else if (!retry.hibernating()) {
                share.hibernatingSince = null;
            }
        });
    }

    /** The tenant has no usable connection: keep the share until it reconnects or the wait runs out. */
    @Transactional
    public void parked(Claim claim, String connectionStatus, Instant recheckAt) {
        claimed(claim).ifPresent(share -> {
            share.status = ShareRegistration.Status.PARKED;
            share.parkedSince = share.parkedSince == null ? Instant.now() : share.parkedSince;
            share.nextAttemptAt = recheckAt;
            share.leaseUntil = null;
            share.lastError = "connection " + connectionStatus;
            metrics.parked();
        });
    }

    private static Optional<ShareRegistration> claimed(Claim claim) {
        ShareRegistration share = ShareRegistration.findById(claim.shareId(), LockModeType.PESSIMISTIC_WRITE);
        if (share == null || share.status != ShareRegistration.Status.IN_FLIGHT || share.leaseUntil == null
                || !millis(share.leaseUntil).equals(millis(claim.leaseUntil()))) {
            return Optional.empty();
        }
        return Optional.of(share);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Why an attempt is to be repeated. */
    public record Retry(String message, Integer httpStatus, int calls, boolean outcomeUnknown, boolean countsAsFailure,
            boolean hibernating) {
    }
}
