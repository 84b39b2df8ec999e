package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.ticket.client.ConnectionLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The service's own meters (ServiceNow calls by status are counted by the client). */
@ApplicationScoped
public class ShareMetrics {

    private final MeterRegistry meters;
    private final ConnectionLimiter limiter;
    private final Set<String> gaugedTenants = ConcurrentHashMap.newKeySet();

    public ShareMetrics(MeterRegistry meters, ConnectionLimiter limiter) {
        this.meters = meters;
        this.limiter = limiter;
    }

    public void consumed() {
        meters.counter("ticketbridge.shares.consumed").increment();
    }

    public void created(String table) {
        meters.counter("ticketbridge.tickets.created", "table", table).increment();
    }

    public void failed(FailureReason reason) {
        meters.counter("ticketbridge.tickets.failed", "reason", reason.name()).increment();
    }

    public void retried(String cause) {
        meters.counter("ticketbridge.servicenow.retries", "cause", cause).increment();
    }

    public void parked() {
        meters.counter("ticketbridge.shares.parked").increment();
    }

    /** Registers the in-flight gauge of a tenant the first time it is seen. */
    public void track(String tenantId) {
        if (gaugedTenants.add(tenantId)) {
            Gauge.builder("ticketbridge.shares.in_flight", limiter, l -> l.inFlight(tenantId))
                    .tag("tenant", tenantId)
                    .description("ServiceNow calls in flight for a tenant")
                    .register(meters);
        }
    }
}
