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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cycles cut short between pages (half of the Table API calls fail) must resume from the watermark committed with
 * the last good page: every change published once, none lost, none twice.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class InterruptedCycleTest {

    private static final String TENANT = "tenant-interrupted";

    @Test
    void cyclesInterruptedMidwayResumeFromTheCommittedWatermarkWithoutGapsOrDuplicates() {
        try (Emulator emulator = Emulator.start()) {
            Tracking.connect(Events.connected(TENANT, emulator));
            List<TicketCreated> tickets = Tracking.track(TENANT, emulator, TicketType.INCIDENT, 350);
            Tracking.awaitCycle(TENANT);

            emulator.failRequests(0.5, 503, "/api/now/v2/table/incident");
            tickets.parallelStream().forEach(t -> emulator.agentSetsState("incident", t.sysId(), "2"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String error = given().get("/sync/v1/tenants/{tenant}/health", TENANT).then().extract().path("lastError");
                return error != null && error.contains("503");
            });
            emulator.clearFaults();
            Events.updatesOf(TENANT, u -> u.size() >= tickets.size(), Duration.ofSeconds(60));
            emulator.agentSetsState("incident", tickets.get(0).sysId(), "3");
            List<TicketUpdated> updates = Events.updatesOf(TENANT,
                    u -> u.stream().anyMatch(e -> e.state().code().equals("3")), Duration.ofSeconds(30));

            Map<String, Long> perRecord = updates.stream().filter(u -> u.state().code().equals("2"))
                    .collect(Collectors.groupingBy(TicketUpdated::sysId, Collectors.counting()));
            assertThat(perRecord).hasSize(tickets.size());
            assertThat(perRecord.values()).allMatch(count -> count == 1);
            assertThat(perRecord.keySet()).containsExactlyInAnyOrderElementsOf(
                    tickets.stream().map(TicketCreated::sysId).collect(Collectors.toMap(Function.identity(), s -> s)).keySet());
        }
    }
}
