package dev.ticketbridge.sync.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.sync.PushSignature;
import dev.ticketbridge.sync.fixtures.Emulator;
import dev.ticketbridge.sync.fixtures.Events;
import dev.ticketbridge.sync.fixtures.Tracking;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Lag and cost with 10,000 tracked tickets (not part of {@code mvn test}; see README). Polling runs at the test
 * configuration's 1 s interval; the push tenant ({@code tenant-push}) is polled hourly, so its figures are push's.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SyncLagBenchmark {

    private static final String POLLED = "bench-poll";
    private static final String PUSHED = "tenant-push";
    private static final int CHANGES = Integer.getInteger("bench.changes", 60);
    private static final long PACE_MS = Long.getLong("bench.pace-ms", 250);

    @Inject
    MeterRegistry registry;

    @Test
    void lagAndCallsPerCycleWithTenThousandTrackedTickets() throws IOException {
        try (Emulator emulator = Emulator.start()) {
            List<TicketCreated> polled = Tracking.track(POLLED, emulator, TicketType.INCIDENT, 10_000);
            List<TicketCreated> pushed = Tracking.track(PUSHED, emulator, TicketType.INCIDENT, 200);
            Instant connecting = Instant.now();
            Tracking.connect(Events.connected(POLLED, emulator));
            Tracking.connect(Events.connected(PUSHED, emulator));
            Tracking.awaitCycleAfter(POLLED, connecting);
            Tracking.awaitCycleAfter(PUSHED, connecting);
            await().atMost(Duration.ofMinutes(3)).until(() -> lastCycleCalls(POLLED) <= 2);

            long getsBefore = emulator.requests("GET", "/api/now/table/");
            long cyclesBefore = cycles(POLLED).count();
            double callsBefore = cycles(POLLED).totalAmount();
            Map<String, Instant> pollChanges = change(emulator, polled, null);
            List<TicketUpdated> pollEvents = Events.updatesOf(POLLED, u -> u.size() >= CHANGES, Duration.ofMinutes(2));
            Tracking.awaitCycle(POLLED);
            long cycles = cycles(POLLED).count() - cyclesBefore;
            double calls = cycles(POLLED).totalAmount() - callsBefore;

            Map<String, Instant> pushChanges = change(emulator, pushed, PUSHED);
            List<TicketUpdated> pushEvents = Events.updatesOf(PUSHED, u -> u.size() >= CHANGES, Duration.ofMinutes(2));
            long getsAfter = emulator.requests("GET", "/api/now/table/");

            StringBuilder report = new StringBuilder("\n=== sync-service benchmark: 10,000 tracked incidents, ")
                    .append(CHANGES).append(" state changes per mode, one every ").append(PACE_MS).append(" ms ===\n");
            report.append(lagLine("polling (1 s interval)", pollEvents, pollChanges));
            report.append(lagLine("push", pushEvents, pushChanges));
            report.append(String.format("polling cycles during the stream: %d, Table API calls: %.0f (%.2f per cycle,"
                    + " 2 tables)%n", cycles, calls, calls / Math.max(1, cycles)));
            report.append(String.format("emulator GET /api/now/table/* during both streams (incl. push fetches): %d%n",
                    getsAfter - getsBefore));
            System.out.println(report);
            Files.writeString(Path.of("target", "sync-benchmark.txt"), report.toString());
        }
    }

    /** Makes the state changes at the emulator, paced; for push, sends the signed notification right after each. */
    private Map<String, Instant> change(Emulator emulator, List<TicketCreated> tickets, String pushTenant) {
        Map<String, Instant> changedAt = new HashMap<>();
        String secret = pushTenant == null ? null : PushSignature.deriveSecret("test-only-push-signing-key", pushTenant);
        for (int i = 0; i < CHANGES; i++) {
            TicketCreated ticket = tickets.get(i * (tickets.size() / CHANGES));
            changedAt.put(ticket.sysId(), Instant.now());
            emulator.agentSetsState("incident", ticket.sysId(), "2");
            if (secret != null) {
                String body = "{\"table\":\"incident\",\"sys_id\":\"" + ticket.sysId() + "\"}";
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                given().contentType("application/json").header("X-Ticketbridge-Timestamp", timestamp)
                        .header("X-Ticketbridge-Signature", PushSignature.sign(secret, timestamp, body)).body(body)
                        .post("/sync/v1/tenants/{tenant}/notifications", pushTenant).then().statusCode(202);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PACE_MS));
        }
        return changedAt;
    }

    private static String lagLine(String mode, List<TicketUpdated> events, Map<String, Instant> changedAt) {
        List<Long> sinceUpdatedOn = new ArrayList<>();
        List<Long> sinceChange = new ArrayList<>();
        for (TicketUpdated event : events) {
            Instant changed = changedAt.get(event.sysId());
            if (changed != null) {
                sinceUpdatedOn.add(Duration.between(event.sysUpdatedOn(), event.occurredAt()).toMillis());
                sinceChange.add(Duration.between(changed, event.occurredAt()).toMillis());
            }
        }
        return String.format("%-24s events %3d | lag emit - sys_updated_on p50 %5d ms p99 %5d ms"
                        + " | change made -> event emitted p50 %5d ms p99 %5d ms%n", mode, sinceChange.size(),
                percentile(sinceUpdatedOn, 50), percentile(sinceUpdatedOn, 99), percentile(sinceChange, 50),
                percentile(sinceChange, 99));
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static int lastCycleCalls(String tenant) {
        return given().get("/sync/v1/tenants/{tenant}/health", tenant).then().statusCode(200)
                .extract().path("lastCycleApiCalls");
    }

    private DistributionSummary cycles(String tenant) {
        return registry.find("ticketbridge.sync.api.calls.per.cycle").tag("tenant", tenant).summary();
    }
}
