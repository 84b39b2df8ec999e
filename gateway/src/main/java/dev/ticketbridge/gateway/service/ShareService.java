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
import dev.ticketbridge.platform.outbox.Outbox;
import dev.ticketbridge.platform.problem.ProblemException;
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

/**
 * Shares an improvement action to ServiceNow: validates the form against the catalog, then writes the share and its
 * {@code ShareRequested} event in one transaction (outbox). A repeated {@code Idempotency-Key} returns the share the
 * first request made.
 */
@ApplicationScoped
public class ShareService {

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

    public ShareService(ImprovementActionCatalog catalog, IdempotencyKeys keys, SummaryBuckets buckets, Outbox outbox,
            AuditTrail audit, ConnectionReadModel connections, ApiConfig config) {
        this.catalog = catalog;
        this.keys = keys;
        this.buckets = buckets;
        this.outbox = outbox;
        this.audit = audit;
        this.connections = connections;
        this.config = config;
    }

    public Outcome request(Caller caller, ShareForm form, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.badField("Idempotency-Key", "must be 1 to 200 characters");
        }
        LocalDate today = LocalDate.now(config.dueDateZone());
        if (form.dueDate().isBefore(today)) {
            throw ProblemException.badField("dueDate", "must not be in the past");
        }
        if (form.changeType() != null && form.ticketType() != TicketType.CHANGE_REQUEST) {
            throw ProblemException.badField("changeType", "applies to change requests only");
        }
        CatalogAction action = catalog.find(caller.tenantId(), form.actionId())
                .orElseThrow(() -> ProblemException.badField("actionId", "no improvement action with this id"));
        Written written = QuarkusTransaction.joiningExisting().call(() -> write(caller, form, action, idempotencyKey));
        return new Outcome(find(caller, written.shareId()), written.created());
    }

    public ShareView find(Caller caller, UUID shareId) {
        ShareRecord share = ShareRecord.findById(shareId);
        if (share == null || !share.tenantId.equals(caller.tenantId())) {
            throw ProblemException.notFound("no share " + shareId);
        }
        return ShareViews.of(share, connections.labels(caller.tenantId()), LocalDate.now(config.dueDateZone()));
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
        buckets.move(null, SummaryBuckets.BucketKey.of(share));
        outbox.publish(event(caller, form, action, share));
        audit.record(caller, AuditTrail.Action.SHARE_REQUESTED, shareId.toString(),
                form.ticketType() + " for improvement action " + action.id() + ": " + form.taskName());
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
