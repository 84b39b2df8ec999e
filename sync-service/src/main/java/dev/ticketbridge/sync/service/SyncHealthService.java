package dev.ticketbridge.sync.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.platform.problem.ProblemException;
import dev.ticketbridge.sync.Watermark;
import dev.ticketbridge.sync.persistence.SyncHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sync-health card of one connection, as the gateway shows it. */
@ApplicationScoped
public class SyncHealthService {

    /**
     * @param watermarks per table, the last {@code sys_updated_on} read (UTC, ServiceNow's format)
     */
    public record ConnectionHealth(String tenantId, String connectionStatus, boolean polledHere,
            Instant lastSuccessAt, Instant lastErrorAt, String lastError, Instant nextPollAt, int lastCycleApiCalls,
            Instant lastReconciledAt, int lastReconciliationCorrected, Map<String, String> watermarks) {
    }

    private final TrackingQueries queries;
    private final HealthBook book;
    private final ChangeRecorder recorder;
    private final PollScheduler scheduler;

    public SyncHealthService(TrackingQueries queries, HealthBook book, ChangeRecorder recorder,
            PollScheduler scheduler) {
        this.queries = queries;
        this.book = book;
        this.recorder = recorder;
        this.scheduler = scheduler;
    }

    public ConnectionHealth of(String tenantId) {
        String status = queries.connectionStatus(tenantId)
                .orElseThrow(() -> ProblemException.notFound("no ServiceNow connection known for tenant " + tenantId));
        SyncHealth health = book.of(tenantId).orElseGet(SyncHealth::new);
        Map<String, String> watermarks = new LinkedHashMap<>();
        for (TicketType type : TicketType.values()) {
            recorder.watermark(tenantId, type).map(Watermark::updatedOn).filter(s -> !s.isEmpty())
                    .ifPresent(w -> watermarks.put(type.table(), w));
        }
        return new ConnectionHealth(tenantId, status, scheduler.polledTenants().contains(tenantId),
                health.lastSuccessAt, health.lastErrorAt, health.lastError, health.nextPollAt, health.lastCycleCalls,
                health.lastReconciledAt, health.lastCorrected, watermarks);
    }
}
