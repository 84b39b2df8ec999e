package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.sync.client.ConnectionServiceTokenSource;
import dev.ticketbridge.sync.client.TokenSource;
import dev.ticketbridge.sync.fixtures.Emulator;
import dev.ticketbridge.sync.fixtures.Events;
import dev.ticketbridge.sync.fixtures.RealConnectionService;
import dev.ticketbridge.sync.fixtures.Tracking;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real chain: connection-service connects the tenant through the emulator's OAuth pages and publishes
 * ConnectionChanged; sync-service takes its ServiceNow tokens from connection-service's token API with its own
 * service token.
 */
@QuarkusTest
@TestProfile(RealConnectionService.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConnectionServiceTokensTest {

    @Inject
    TokenSource tokens;

    private final Emulator emulator = Emulator.shared();

    @Test
    void readinessReportsConnectionServiceReachable() {
        given().when().get("/q/health/ready").then()
                .body(HealthTest.CHECK + ".status", equalTo("UP"))
                .body(HealthTest.CHECK + ".data.detail", equalTo("answered 200"));
    }

    @Test
    void tenantConnectedThroughConnectionServiceIsPolledWithItsTokens() {
        assertThat(tokens).isInstanceOf(ConnectionServiceTokenSource.class);
        String tenant = "tenant-cs-" + UUID.randomUUID().toString().substring(0, 8);
        TicketCreated ticket = Tracking.track(tenant, emulator, TicketType.CHANGE_REQUEST, 1).get(0);

        RealConnectionService.connect(tenant);
        Tracking.awaitCycle(tenant);
        emulator.agentSetsState("change_request", ticket.sysId(), "-4");

        TicketUpdated update = Events.updatesOf(tenant, u -> !u.isEmpty(), Duration.ofSeconds(30)).get(0);
        assertThat(update.shareId()).isEqualTo(ticket.shareId());
        assertThat(update.state().code()).isEqualTo("-4");
        assertThat(update.state().label()).isEqualTo("Assess");
    }
}
