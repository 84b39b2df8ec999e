package dev.ticketbridge.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant's ServiceNow instance misbehaves while shares arrive, in four waves. Throughout: 10 % of Table API
 * calls answer 5xx and every call gets up to 200 ms of extra latency. Wave 1: latency spikes past ticket-service's
 * request timeout (the emulator holds a few calls 7 s, then still inserts the record — the unknown outcome that the
 * correlation_id look-up resolves). Wave 2: rate-limit 429s with Retry-After and X-RateLimit-* headers (a rule of 15
 * creates per 10 s window). Wave 3: 429s without any header (the instance's concurrent-transaction cap of 1).
 * Wave 4: the instance hibernates for a minute (200 with the "Instance Hibernating page" on every call), the
 * emulator's hibernation switched on and off as a real instance would sleep and be woken. Every share must end as
 * exactly one record, CREATED in the read model; none may fail.
 */
class ServiceNowMisbehaviourTest {

    private static final int WAVE = 40;
    private static final Duration HIBERNATION = Duration.ofMinutes(1);
    private static final List<String> FAULTS = List.of("errors", "latency", "hang", "concurrency-cap", "hibernation");

    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void instanceBehavesAgain() {
        ServiceNowEmulator instance = FaultStack.firstInstance();
        FAULTS.forEach(instance::clearFault);
        EmulatorAdmin admin = new EmulatorAdmin(instance.baseUrl());
        rules.forEach(admin::removeRateLimit);
        instance.settings(Map.of("rate_limit_window_seconds", 3600));
    }

    @Test
    void everyShareIsCreatedOnceThroughErrorsTimeoutsRateLimitsAndHibernation() throws InterruptedException {
        LocalStack stack = FaultStack.get();
        Gateway admin = Gateway.as(Identity.ADMIN);
        Journeys.ensureConnected(admin, stack.emulatorUrl());
        ServiceNowEmulator instance = FaultStack.firstInstance();
        EmulatorAdmin emulatorAdmin = new EmulatorAdmin(instance.baseUrl());
        Ledger ledger = new Ledger(admin, instance);
        String label = "Misbehaving instance " + UUID.randomUUID();
        int ticketPort = stack.ports().ticket();
        long errorsBefore = emulatorAdmin.served("POST", "/api/now/table", status -> status >= 500);
        long rateLimitedBefore = emulatorAdmin.served("POST", "/api/now/table", status -> status == 429);
        double timeoutsBefore = FaultStack.metric(ticketPort, "ticketbridge_servicenow_calls_total", "status=\"timeout\"");
        double lookupsBefore = FaultStack.metric(ticketPort, "ticketbridge_servicenow_calls_total", "operation=\"lookup\"");
        long begin = System.nanoTime();

        instance.fault("errors", Map.of("status", 500, "rate", 0.1, "path_prefix", "/api/now/table"));
        instance.fault("latency", Map.of("min_ms", 0, "max_ms", 200, "path_prefix", "/api/now/table"));

        // Wave 1: spikes past the 5 s request timeout, at the start and half-way.
        long wave = System.nanoTime();
        Duration spike = FaultStack.TICKET_SERVICE_REQUEST_TIMEOUT.plusSeconds(2);
        instance.fault("hang", Map.of("ms", spike.toMillis(), "count", 4, "path_prefix", "/api/now/table"));
        int expected = WAVE * 2;
        Burst first = Burst.start(admin, ledger, expected, 8, label + " spikes");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger.createdInServiceNow() >= WAVE);
        instance.fault("hang", Map.of("ms", spike.toMillis(), "count", 4, "path_prefix", "/api/now/table"));
        awaitInServiceNow(first, ledger, expected);
        double spikes = FaultStack.seconds(wave);

        // Wave 2: 429 with Retry-After and X-RateLimit-Reset.
        wave = System.nanoTime();
        instance.fault("errors", Map.of("status", 503, "rate", 0.1, "path_prefix", "/api/now/table"));
        instance.settings(Map.of("rate_limit_window_seconds", 10));
        rules.add(emulatorAdmin.addRateLimit(Map.of("limit_per_hour", 15, "method", "POST",
                "user", ServiceNowEmulator.INTEGRATION_USER, "api", "Table API")));
        expected += WAVE;
        awaitInServiceNow(Burst.start(admin, ledger, WAVE, 8, label + " rate limit"), ledger, expected);
        emulatorAdmin.removeRateLimit(rules.remove(0));
        double rateLimit = FaultStack.seconds(wave);

        // Wave 3: 429 without headers.
        wave = System.nanoTime();
        instance.fault("concurrency-cap", Map.of("max", 1));
        expected += WAVE;
        awaitInServiceNow(Burst.start(admin, ledger, WAVE, 8, label + " concurrency cap"), ledger, expected);
        instance.clearFault("concurrency-cap");
        double cap = FaultStack.seconds(wave);

        // Wave 4: a minute of hibernation; nothing can be created, nothing may fail.
        long asleep = System.nanoTime();
        long inServiceNow = ledger.createdInServiceNow();
        instance.fault("hibernation", Map.of());
        Burst sleeping = Burst.start(admin, ledger, WAVE, 8, label + " hibernation");
        sleeping.awaitSent(Duration.ofMinutes(2));
        expected += WAVE;
        await("the hibernation minute").atMost(HIBERNATION.plusSeconds(30)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    assertThat(failed(ledger)).as("shares failed while the instance hibernates").isEmpty();
                    return FaultStack.seconds(asleep) >= HIBERNATION.toSeconds();
                });
        assertThat(ledger.createdInServiceNow()).as("records created while hibernating").isEqualTo(inServiceNow);
        instance.clearFault("hibernation");
        long woken = System.nanoTime();
        awaitInServiceNow(sleeping, ledger, expected);
        double wakeUp = FaultStack.seconds(woken);

        ledger.verify(Duration.ofMinutes(3));
        instance.clearFault("errors");
        instance.clearFault("latency");
        long errors = emulatorAdmin.served("POST", "/api/now/table", status -> status >= 500) - errorsBefore;
        long rateLimited = emulatorAdmin.served("POST", "/api/now/table", status -> status == 429) - rateLimitedBefore;
        double timeouts = FaultStack.metric(ticketPort, "ticketbridge_servicenow_calls_total", "status=\"timeout\"")
                - timeoutsBefore;
        double lookups = FaultStack.metric(ticketPort, "ticketbridge_servicenow_calls_total", "operation=\"lookup\"")
                - lookupsBefore;
        System.out.printf("[fault] misbehaving instance: %d shares all created once in %.1f s; waves: spikes %.1f s,"
                + " 429 with headers %.1f s, 429 without %.1f s, hibernation %d s + %.1f s after waking; creates"
                + " answered 5xx %d, 429 %d; ticket-service timeouts %.0f, look-ups %.0f%n", ledger.size(),
                FaultStack.seconds(begin), spikes, rateLimit, cap, HIBERNATION.toSeconds(), wakeUp, errors, rateLimited,
                timeouts, lookups);
        assertThat(errors).as("creates answered 5xx").isPositive();
        assertThat(rateLimited).as("creates answered 429").isPositive();
        assertThat(timeouts).as("creates past the request timeout").isPositive();
    }

    /** Waits until the wave was sent, accepted in full, and every accepted share has its record. */
    private static void awaitInServiceNow(Burst burst, Ledger ledger, int expected) throws InterruptedException {
        burst.awaitSent(Duration.ofMinutes(2));
        assertThat(burst.refused()).as("answers other than 202").isEmpty();
        assertThat(ledger.size()).isEqualTo(expected);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledger.createdInServiceNow() >= expected);
        burst.close();
    }

    private static List<String> failed(Ledger ledger) {
        return ledger.readModel().values().stream().filter(v -> "FAILED".equals(v.path("status").asText()))
                .map(v -> v.path("shareId").asText() + ": " + v.path("failure")).toList();
    }
}
