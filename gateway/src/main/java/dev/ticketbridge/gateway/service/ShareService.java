package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.ImprovementAction;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TaskDetails;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.Caller;
import dev.ticketbridge.gateway.CatalogAction;
import dev.ticketbridge.gateway.ShareStatus;
import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.gateway.persistence.IdempotencyKeys;
import dev.ticketbridge.gateway.persistence.ShareRecord;
import dev.ticketbridge.gateway.persistence.SummaryBuckets;
import dev.ticketbridge.platform.logging.LogContext;
import dev.ticketbridge.platform.outbox.Outbox;
import dev.ticketbridge.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Shares an improvement action to ServiceNow: validates the form against the catalog, then writes the share and its
 * {@code ShareRequested} event in one transaction (outbox). A repeated {@code Idempotency-Key} returns the share the
 * first request made. Lines logged while a share is requested carry {@code tenantId} and {@code shareId} (MDC).
 */
@ApplicationScoped
public class ShareService {

    private static final Logger LOG = Logger.getLogger(ShareService.class);

    /** How far ahead a due date may be: beyond it a date is a typo, and ServiceNow and the database have limits. */
    static final int MAX_YEARS_AHEAD = 10;

    /** The share a request stands for, and whether this request made it. */
    public record Outcome(ShareView share, boolean created) {
    }

    private record Written(UUID shareId, boolean created) {
    }

    private final ImprovementActionCatalog catalog;
    private final IdempotencyKeys keys;
    private final SummaryBuckets buckets;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ConnectionReadModel connections;
    private final ApiConfig config;
    private final MeterRegistry meters;

    public ShareService(ImprovementActionCatalog catalog, IdempotencyKeys keys, SummaryBuckets buckets, Outbox outbox,
            AuditTrail audit, ConnectionReadModel connections, ApiConfig config, MeterRegistry meters) {
        this.catalog = catalog;
        this.keys = keys;
        this.buckets = buckets;
        this.outbox = outbox;
        this.audit = audit;
        this.connections = connections;
        this.config = config;
        this.meters = meters;
    }

    public Outcome request(Caller caller, ShareForm form, String idempotencyKey) {
        try (LogContext log = LogContext.tenant(caller.tenantId())) {
            return request(caller, form, idempotencyKey, log);
        }
    }

    private Outcome request(Caller caller, ShareForm form, String idempotencyKey, LogContext log) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.badField("Idempotency-Key", "must be 1 to 200 characters");
        }
        LocalDate today = LocalDate.now(config.dueDateZone());
        if (form.dueDate().isBefore(today)) {
            throw ProblemException.badField("dueDate", "must not be in the past");
        }
        if (form.dueDate().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw ProblemException.badField("dueDate", "must be at most " + MAX_YEARS_AHEAD + " years ahead");
        }
        if (form.changeType() != null && form.ticketType() != TicketType.CHANGE_REQUEST) {
            throw ProblemException.badField("changeType", "applies to change requests only");
        }
        CatalogAction action = catalog.find(caller.tenantId(), form.actionId())
                .orElseThrow(() -> ProblemException.badField("actionId", "no improvement action with this id"));
        Written written = QuarkusTransaction.joiningExisting().call(() -> write(caller, form, action, idempotencyKey));
        log.put(LogContext.SHARE_ID, written.shareId());
        if (written.created()) {
            accepted(form.ticketType());
            LOG.infof("Share accepted: %s for improvement action %s", form.ticketType(), action.id());
        } else {
            LOG.debugf("Idempotency-Key replayed: answered with the earlier share");
        }
        return new Outcome(find(caller, written.shareId()), written.created());
    }

    public ShareView find(Caller caller, UUID shareId) {
        ShareRecord share = ShareRecord.findById(shareId);
        if (share == null || !share.tenantId.equals(caller.tenantId())) {
            throw ProblemException.notFound("no share " + shareId);
        }
        return ShareViews.of(share, connections.labels(caller.tenantId()), LocalDate.now(config.dueDateZone()));
    }

    /** Counts a share this request made (an idempotent replay returns an earlier share and is not counted). */
    private void accepted(TicketType ticketType) {
        meters.counter("ticketbridge.shares.accepted", "ticket_type", ticketType.name()).increment();
    }

    private Written write(Caller caller, ShareForm form, CatalogAction action, String idempotencyKey) {
        UUID shareId = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Claimed> earlier = keys.claim(caller.tenantId(), idempotencyKey, shareId,
                    fingerprint(form));
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint(form))) {
                    throw new ProblemException(422, "Idempotency-Key reused",
                            "this Idempotency-Key was already used for a different share");
                }
                return new Written(earlier.get().shareId(), false);
            }
        }
        ShareRecord share = newShare(caller, form, action, shareId);
        share.persist();
        outbox.publish(event(caller, form, action, share));
        audit.record(caller, AuditTrail.Action.SHARE_REQUESTED, shareId.toString(),
                form.ticketType() + " for improvement action " + action.id() + ": " + form.taskName());
        // Last, so that the counter row's lock is held only until the commit that follows.
        buckets.move(null, SummaryBuckets.BucketKey.of(share));
        return new Written(shareId, true);
    }

    private static ShareRecord newShare(Caller caller, ShareForm form, CatalogAction action, UUID shareId) {
        ShareRecord share = new ShareRecord();
        share.shareId = shareId;
        share.tenantId = caller.tenantId();
        share.ticketType = form.ticketType().name();
        share.status = ShareStatus.PENDING;
        share.requestedBy = caller.userId();
        share.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        share.changeType = form.changeType() == null ? null : form.changeType().name();
        share.actionId = action.id();
        share.actionTitle = action.title();
        share.category = form.category().name();
        share.recommendationSource = form.recommendationSource().name();
        share.maxScore = action.maxScore();
        share.taskName = form.taskName();
        share.description = form.description();
        share.priority = form.priority().name();
        share.dueDate = form.dueDate();
        share.updatedAt = share.requestedAt;
        return share;
    }

    private static ShareRequested event(Caller caller, ShareForm form, CatalogAction action, ShareRecord share) {
        return new ShareRequested(UUID.randomUUID(), ShareRequested.VERSION, share.requestedAt, caller.tenantId(),
                share.shareId, caller.userId(), form.ticketType(), form.changeType(),
                new ImprovementAction(action.id(), action.title(), form.category(), form.recommendationSource(),
                        action.maxScore(), action.actionUrl()),
                new TaskDetails(form.taskName(), form.description(), form.priority(), form.dueDate()));
    }

    private static String fingerprint(ShareForm form) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
