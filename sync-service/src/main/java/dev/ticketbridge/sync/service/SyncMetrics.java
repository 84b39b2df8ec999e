package dev.ticketbridge.sync.service;

import dev.ticketbridge.sync.ChangeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The sync meters: lag from a change in ServiceNow to its event, Table API calls per cycle and connection, records
 * changed, 429 answers and reconciliation corrections. Tenant tags are bounded by the number of connections.
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Emit time minus {@code sys_updated_on} (which ServiceNow keeps to the second). */
    public void lag(ChangeSource source, String table, Instant sysUpdatedOn) {
        Duration lag = Duration.between(sysUpdatedOn, Instant.now());
        Timer.builder("ticketbridge.sync.lag")
                .description("Time from a change in ServiceNow (sys_updated_on) to its TicketUpdated")
                .tag("source", source.tag())
                .tag("table", table)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void cycle(String tenantId, int apiCalls) {
        DistributionSummary.builder("ticketbridge.sync.api.calls.per.cycle")
                .description("Table API calls of one polling cycle of one connection")
                .tag("tenant", tenantId)
                .register(registry)
                .record(apiCalls);
    }

    public void changed(String tenantId, ChangeSource source, int count) {
        if (count > 0) {
            counter("ticketbridge.sync.records.changed", "Tracked records whose change was published", tenantId)
                    .tag("source", source.tag()).register(registry).increment(count);
        }
    }

    public void rateLimited(String tenantId) {
        counter("ticketbridge.sync.rate.limited", "429 answers from ServiceNow", tenantId).register(registry).increment();
    }

    public void corrected(String tenantId, int count) {
        counter("ticketbridge.sync.reconciliation.corrected", "Changes found by the reconciliation sweep, not by polling",
                tenantId).register(registry).increment(count);
    }

    private static Counter.Builder counter(String name, String description, String tenantId) {
        return Counter.builder(name).description(description).tag("tenant", tenantId);
    }
}
