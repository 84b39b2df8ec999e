package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.contracts.kafka.EventDecodingException;
import dev.ticketbridge.ticket.TicketRecord;
import dev.ticketbridge.ticket.client.Backoff;
import dev.ticketbridge.ticket.client.ConnectionUnavailableException;
import dev.ticketbridge.ticket.client.ServiceNowException;
import dev.ticketbridge.ticket.client.ServiceNowTableClient;
import dev.ticketbridge.ticket.client.TokenSourceException;
import dev.ticketbridge.ticket.config.TicketServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One attempt at turning a claimed share into its ServiceNow record. In the normal path that is exactly one call
 * (create); only when an earlier attempt's outcome is unknown does it look the record up by correlation_id first.
 */
@ApplicationScoped
public class ShareProcessor {

    private static final Logger LOG = Logger.getLogger(ShareProcessor.class);

    private final ServiceNowTableClient servicenow;
    private final ShareOutcomes outcomes;
    private final Backoff backoff;
    private final ShareMetrics metrics;
    private final TicketServiceConfig config;

    public ShareProcessor(ServiceNowTableClient servicenow, ShareOutcomes outcomes, Backoff backoff,
            ShareMetrics metrics, TicketServiceConfig config) {
        this.servicenow = servicenow;
        this.outcomes = outcomes;
        this.backoff = backoff;
        this.metrics = metrics;
        this.config = config;
    }

    public void process(Claim claim) {
        ShareRequested request;
        try {
            request = EventCodec.decode(claim.request().getBytes(StandardCharsets.UTF_8), ShareRequested.class);
        } catch (EventDecodingException e) {
            outcomes.failed(claim, FailureReason.INVALID_REQUEST, e.getMessage(), null, 0);
            return;
        }
        int calls = 0;
        try {
            if (claim.lookupFirst()) {
                calls++;
                Optional<TicketRecord> existing = servicenow.findByCorrelationId(claim.tenantId(), claim.table(),
                        claim.shareId().toString());
                if (existing.isPresent()) {
                    outcomes.created(claim, existing.get(), calls);
                    return;
                }
            }
            calls++;
            TicketRecord record = servicenow.create(claim.tenantId(), claim.table(), TicketFields.of(request));
            outcomes.created(claim, record, calls);
        } catch (ServiceNowException e) {
            handle(claim, e, calls);
        } catch (ConnectionUnavailableException e) {
            park(claim, e);
        } catch (TokenSourceException e) {
            metrics.retried("token-api");
            outcomes.retryLater(claim, Instant.now().plus(backoff.after(claim.failures() + 1)),
                    new ShareOutcomes.Retry(e.getMessage(), null, calls, false, true, false));
        } catch (RuntimeException e) {
            LOG.warnf(e, "share %s: unexpected failure, will retry", claim.shareId());
            outcomes.retryLater(claim, Instant.now().plus(backoff.after(claim.failures() + 1)),
                    new ShareOutcomes.Retry("internal error: " + e.getClass().getSimpleName(), null, calls, calls > 0,
                            true, false));
        }
    }

    private void handle(Claim claim, ServiceNowException e, int calls) {
        Integer status = e.httpStatus().orElse(null);
        if (!e.kind().retryable()) {
            outcomes.failed(claim, FailureReason.SERVICENOW_REJECTED, e.getMessage(), status, calls);
            return;
        }
        if (givesUp(claim, e)) {
            outcomes.failed(claim, FailureReason.SERVICENOW_UNAVAILABLE, e.getMessage(), status, calls);
            return;
        }
        boolean countsAsFailure = e.kind() != ServiceNowException.Kind.RATE_LIMITED
                && e.kind() != ServiceNowException.Kind.HIBERNATING;
        Duration wait = e.retryAfter().orElseGet(() -> backoff.after(claim.failures() + 1));
        if (e.outcomeUnknown() && e.httpStatus().isEmpty() && wait.compareTo(config.retry().unknownOutcomeDelay()) < 0) {
            wait = config.retry().unknownOutcomeDelay();
        }
        metrics.retried(e.kind().name().toLowerCase(Locale.ROOT));
        LOG.debugf("share %s: %s, next attempt in %d ms", claim.shareId(), e.getMessage(), wait.toMillis());
        outcomes.retryLater(claim, Instant.now().plus(wait), new ShareOutcomes.Retry(e.getMessage(), status, calls,
                e.outcomeUnknown(), countsAsFailure, e.kind() == ServiceNowException.Kind.HIBERNATING));
    }

    /** Rate limits never exhaust a share; hibernation is bounded by time; everything else by attempts. */
    private boolean givesUp(Claim claim, ServiceNowException e) {
        return switch (e.kind()) {
            case RATE_LIMITED -> false;
            case HIBERNATING -> claim.hibernatingSince() != null
                    && claim.hibernatingSince().plus(config.retry().hibernationWindow()).isBefore(Instant.now());
            default -> claim.failures() + 1 >= config.retry().maxAttempts();
        };
    }

    private void park(Claim claim, ConnectionUnavailableException e) {
        Instant parkedSince = claim.parkedSince() == null ? Instant.now() : claim.parkedSince();
        Instant deadline = parkedSince.plus(config.connection().maxWait());
        if (!deadline.isAfter(Instant.now())) {
            outcomes.failed(claim, FailureReason.CONNECTION_UNAVAILABLE, "No usable ServiceNow connection for "
                    + config.connection().maxWait() + " (" + e.connectionStatus() + ")", null, 0);
            return;
        }
        Instant recheck = Instant.now().plus(config.connection().parkedRecheck());
        outcomes.parked(claim, e.connectionStatus(), recheck.isBefore(deadline) ? recheck : deadline);
    }
}
