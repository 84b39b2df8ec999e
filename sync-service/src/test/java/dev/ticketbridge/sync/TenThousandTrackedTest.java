package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost of a cycle follows the number of changed tickets, not the number tracked. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TenThousandTrackedTest {

    private static final String TENANT = "tenant-10k";

    @Inject
    MeterRegistry registry;

    @Test
    void tenChangesAmongTenThousandTrackedCostAtMostOneCallPerTablePerCycle() {
        try (Emulator emulator = Emulator.start()) {
            List<TicketCreated> tickets = Tracking.track(TENANT, emulator, TicketType.INCIDENT, 10_000);
            Instant beforeConnecting = Instant.now();
            Tracking.connect(Events.connected(TENANT, emulator));
            Tracking.awaitCycleAfter(TENANT, beforeConnecting);
            Tracking.awaitCycle(TENANT);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastCycleCalls() <= 2);

            long incidentCallsBefore = emulator.requests("GET", "/api/now/table/incident");
            long changeCallsBefore = emulator.requests("GET", "/api/now/table/change_request");
            long cyclesBefore = cycles().count();
            tickets.subList(0, 10).forEach(t -> emulator.agentSetsState("incident", t.sysId(), "2"));
            List<TicketUpdated> updates = Events.updatesOf(TENANT, u -> u.size() >= 10, Duration.ofSeconds(30));
            Tracking.awaitCycle(TENANT);
            long cycles = cycles().count() - cyclesBefore;
            long incidentCalls = emulator.requests("GET", "/api/now/table/incident") - incidentCallsBefore;
            long changeCalls = emulator.requests("GET", "/api/now/table/change_request") - changeCallsBefore;

            assertThat(updates).hasSize(10);
            assertThat(cycles).isPositive();
            // A cycle may be under way when the counts are read, hence the one call of slack.
            assertThat(incidentCalls).isLessThanOrEqualTo(cycles + 1);
            assertThat(changeCalls).isLessThanOrEqualTo(cycles + 1);
        }
    }

    private static int lastCycleCalls() {
        return given().get("/sync/v1/tenants/{tenant}/health", TENANT).then().statusCode(200)
                .extract().path("lastCycleApiCalls");
    }

    private DistributionSummary cycles() {
        return registry.find("ticketbridge.sync.api.calls.per.cycle").tag("tenant", TENANT).summary();
    }
}
