package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.ticketbridge.contracts.events.ConnectionStatus;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConnectionLifecycleTest {

    private final Emulator emulator = Emulator.shared();

    @Test
    void connectionNeedingReauthorizationStopsBeingPolledAndResumesFromItsWatermark() {
        String tenant = "tenant-reauth-" + UUID.randomUUID();
        Tracking.connect(Events.connected(tenant, emulator));
        TicketCreated ticket = Tracking.track(tenant, emulator, TicketType.INCIDENT, 1).get(0);
        Tracking.awaitCycle(tenant);
        given().get("/sync/v1/tenants/{tenant}/health", tenant).then().statusCode(200)
                .body("polledHere", equalTo(true)).body("lastSuccessAt", notNullValue())
                .body("nextPollAt", notNullValue());

        Tracking.connect(Events.connection(tenant, ConnectionStatus.NEEDS_REAUTHORIZATION, emulator.baseUrl(), Map.of()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/sync/v1/tenants/{tenant}/health", tenant)
                .then().body("connectionStatus", equalTo("NEEDS_REAUTHORIZATION")).body("polledHere", equalTo(false)));
        emulator.agentSetsState("incident", ticket.sysId(), "2");
        emulator.agentSetsState("incident", ticket.sysId(), "3");

        Tracking.connect(Events.connected(tenant, emulator));
        List<TicketUpdated> updates = Events.updatesOf(tenant, u -> !u.isEmpty(), Duration.ofSeconds(30));
        emulator.agentSetsState("incident", ticket.sysId(), "2");
        List<TicketUpdated> all = Events.updatesOf(tenant, u -> u.size() >= 2, Duration.ofSeconds(30));

        assertThat(updates.get(0).state().code()).isEqualTo("3");
        assertThat(updates.get(0).previousState().code()).isEqualTo("1");
        assertThat(all).extracting(u -> u.state().code()).containsExactly("3", "2");
    }

    @Test
    void refusedTokenIsRenewedOnceAndPollingCarriesOn() {
        try (Emulator instance = Emulator.start()) {
            String tenant = "tenant-401-" + UUID.randomUUID();
            Tracking.connect(Events.connected(tenant, instance));
            TicketCreated ticket = Tracking.track(tenant, instance, TicketType.INCIDENT, 1).get(0);
            Tracking.awaitCycle(tenant);
            long grantsBefore = instance.passwordGrants();

            instance.revokeIntegrationTokens();
            instance.agentSetsState("incident", ticket.sysId(), "2");

            TicketUpdated update = Events.updatesOf(tenant, u -> !u.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(update.state().code()).isEqualTo("2");
            assertThat(instance.passwordGrants()).isGreaterThan(grantsBefore);
            assertThat(instance.requests("GET", "/api/now/table/incident")).isPositive();
        }
    }

    @Test
    void healthOfAnUnknownTenantIsAProblemNotAnError() {
        given().get("/sync/v1/tenants/{tenant}/health", "tenant-nobody")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
