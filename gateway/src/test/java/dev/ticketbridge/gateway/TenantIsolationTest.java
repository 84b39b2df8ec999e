package dev.ticketbridge.gateway;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.TicketEvents;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tenant A's administrator and reader against every endpoint, with tenant B's ids and data. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    private static final String TENANT_A = "tenant-a-" + UUID.randomUUID();
    private static final String TENANT_B = "tenant-b-" + UUID.randomUUID();
    private final List<String> callersOfA = List.of(Tokens.admin(TENANT_A), Tokens.reader(TENANT_A));
    private final String adminOfB = Tokens.admin(TENANT_B);
    private String shareOfB;

    @BeforeEach
    void tenantBHasASharedTicket() {
        if (shareOfB != null) {
            return;
        }
        shareOfB = GatewayApi.share(adminOfB, GatewayApi.shareForm()).then().statusCode(202).extract().path("shareId");
        KafkaTestClient.publish(TicketEvents.created(TENANT_B, UUID.fromString(shareOfB), TicketType.CHANGE_REQUEST,
                "CHG0B", "-5", "New"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GatewayApi.as(adminOfB)
                .get("/api/v1/shares/" + shareOfB).then().body("status", equalTo("CREATED")));
    }

    @Test
    void anotherTenantsShareIsNotFound() {
        for (String caller : callersOfA) {
            GatewayApi.as(caller).get("/api/v1/shares/" + shareOfB).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anotherTenantsTicketsAreNotListedNorFoundBySearch() {
        for (String caller : callersOfA) {
            GatewayApi.as(caller).get("/api/v1/tickets").then().statusCode(200)
                    .body("items.shareId", not(hasItem(shareOfB)));
            GatewayApi.as(caller).queryParam("text", "CHG0B").get("/api/v1/tickets").then().body("items", empty());
            GatewayApi.as(caller).queryParam("state", "-5").get("/api/v1/tickets").then().body("items", empty());
        }
    }

    @Test
    void anotherTenantsTicketsAreNotCountedInTheSummary() {
        for (String caller : callersOfA) {
            GatewayApi.as(caller).get("/api/v1/tickets/summary").then().statusCode(200)
                    .body("types.find { it.ticketType == 'CHANGE_REQUEST' }.total", equalTo(0));
        }
    }

    @Test
    void anotherTenantsAuditTrailIsNotShown() {
        GatewayApi.as(adminOfB).get("/api/v1/audit").then().body("items.target", hasItem(shareOfB));
        GatewayApi.as(Tokens.admin(TENANT_A)).get("/api/v1/audit").then().statusCode(200)
                .body("items.target", not(hasItem(shareOfB)));
        GatewayApi.as(Tokens.reader(TENANT_A)).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void ticketEventsClaimingAnotherTenantsShareChangeNothing() {
        KafkaTestClient.publish(TicketEvents.updated(TENANT_A, UUID.fromString(shareOfB), TicketType.CHANGE_REQUEST,
                "CHG0B", "3", "Closed", 99, true));
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(TicketEvents.created(TENANT_A, marker, TicketType.INCIDENT, "INC0A", "1", "New"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GatewayApi.as(Tokens.admin(TENANT_A))
                .queryParam("text", "INC0A").get("/api/v1/tickets").then().body("items.size()", equalTo(1)));
        GatewayApi.as(adminOfB).get("/api/v1/shares/" + shareOfB).then().body("state.code", equalTo("-5"))
                .body("closed", equalTo(false));
    }

    @Test
    void readerOfATenantCannotShare() {
        GatewayApi.share(Tokens.reader(TENANT_A), GatewayApi.shareForm()).then().statusCode(403)
                .contentType("application/problem+json");
    }
}
