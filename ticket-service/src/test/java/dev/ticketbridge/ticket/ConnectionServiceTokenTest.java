package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.awaitRegistration;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import dev.ticketbridge.ticket.support.EmulatorTokenSource;
import dev.ticketbridge.ticket.support.RealConnectionService;
import dev.ticketbridge.ticket.support.Shares;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tokens from the real connection-service: the production token source, service auth and re-authorisation. */
@QuarkusTest
@TestProfile(RealConnectionService.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ConnectionServiceTokenTest {

    @Test
    void readinessReportsConnectionServiceReachable() {
        given().when().get("/q/health/ready").then()
                .body(HealthTest.CHECK + ".status", equalTo("UP"))
                .body(HealthTest.CHECK + ".data.detail", equalTo("answered 200"));
    }

    @Test
    void shareOfAConnectedTenantIsCreatedWithTheTokenConnectionServiceGives() {
        String tenant = "tenant-cs-" + UUID.randomUUID();
        RealConnectionService.connect(tenant, EmulatorTokenSource.INTEGRATION);
        ShareRequested share = Shares.change(tenant).build();
        KafkaTestClient.publish(share);

        awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(records(share).get(0)).containsEntry("sys_created_by", EmulatorTokenSource.INTEGRATION.name());
    }

    @Test
    void revokedGrantParksSharesUntilTheTenantAuthorisesAgain() {
        String tenant = "tenant-cs-reauth-" + UUID.randomUUID();
        RealConnectionService.connect(tenant, EmulatorTokenSource.BETH);
        ShareRequested first = Shares.incident(tenant).build();
        KafkaTestClient.publish(first);
        awaitCreated(first.shareId());

        emulator().revokeTokens(EmulatorTokenSource.BETH.name());
        ShareRequested second = Shares.incident(tenant).build();
        KafkaTestClient.publish(second);
        ShareRegistration parked = awaitRegistration(second.shareId(),
                row -> row.status == ShareRegistration.Status.PARKED);
        assertThat(parked.lastError).contains("NEEDS_REAUTHORIZATION");
        assertThat(records(second)).isEmpty();

        RealConnectionService.connect(tenant, EmulatorTokenSource.BETH);

        awaitCreated(second.shareId());
        assertThat(records(second)).hasSize(1);
        assertThat(records(first)).hasSize(1);
    }
}
