package dev.ticketbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.TicketEvents;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ReadModelTest {

    private static final String INCIDENT_CARD = "types.find { it.ticketType == 'INCIDENT' }";
    private static final String CHANGE_CARD = "types.find { it.ticketType == 'CHANGE_REQUEST' }";

    private static ValidatableResponse summary(String token) {
        return GatewayApi.as(token).get("/api/v1/tickets/summary").then().statusCode(200);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion::run);
    }

    @Test
    void ticketCreatedAndUpdatedChangeTheListAndTheSummary() {
        String tenant = "tenant-rm-" + UUID.randomUUID();
        String reader = Tokens.reader(tenant);
        String shareId = GatewayApi.share(Tokens.admin(tenant), GatewayApi.shareForm()).then().statusCode(202)
                .extract().path("shareId");
        eventually(() -> summary(reader).body(CHANGE_CARD + ".pending", equalTo(1)));

        UUID share = UUID.fromString(shareId);
        KafkaTestClient.publish(TicketEvents.created(tenant, share, TicketType.CHANGE_REQUEST, "CHG0001", "-5", "New"));
        eventually(() -> summary(reader).body(CHANGE_CARD + ".pending", equalTo(0))
                .body(CHANGE_CARD + ".open", equalTo(1)).body(CHANGE_CARD + ".pointsAtStake", equalTo(5.0f))
                .body(CHANGE_CARD + ".states.find { it.label == 'New' }.tickets", equalTo(1)));

        KafkaTestClient.publish(TicketEvents.updated(tenant, share, TicketType.CHANGE_REQUEST, "CHG0001", "-1",
                "Implement", 3, false));
        eventually(() -> GatewayApi.as(reader).queryParam("state", "Implement").get("/api/v1/tickets").then()
                .body("items.number", contains("CHG0001")).body("items[0].state.code", equalTo("-1")));
        summary(reader).body(CHANGE_CARD + ".states.label", contains("Implement"));

        KafkaTestClient.publish(TicketEvents.updated(tenant, share, TicketType.CHANGE_REQUEST, "CHG0001", "3",
                "Closed", 4, true));
        eventually(() -> summary(reader).body(CHANGE_CARD + ".open", equalTo(0))
                .body(CHANGE_CARD + ".pointsAtStake", equalTo(0.0f))
                .body(CHANGE_CARD + ".states.find { it.label == 'Closed' }.tickets", equalTo(1)));
    }

    @Test
    void aBurstOfConcurrentSharesInOneBucketIsCountedExactlyThroughEveryMove() throws Exception {
        String tenant = "tenant-burst-" + UUID.randomUUID();
        String admin = Tokens.admin(tenant);
        int shares = 32;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> posted = new ArrayList<>();
        for (int i = 0; i < shares; i++) {
            posted.add(clients.submit(() -> GatewayApi.share(admin, GatewayApi.shareForm()).then().statusCode(202)
                    .extract().<String>path("shareId")));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<String> share : posted) {
            ids.add(UUID.fromString(share.get(30, TimeUnit.SECONDS)));
        }
        clients.shutdown();
        summary(admin).body(CHANGE_CARD + ".pending", equalTo(shares)).body(CHANGE_CARD + ".total", equalTo(shares));
        assertThat(ids).doesNotHaveDuplicates();

        for (UUID share : ids) {
            KafkaTestClient.publish(TicketEvents.created(tenant, share, TicketType.CHANGE_REQUEST, "CHG" + share, "-5",
                    "New"));
        }
        eventually(() -> summary(admin).body(CHANGE_CARD + ".pending", equalTo(0))
                .body(CHANGE_CARD + ".open", equalTo(shares)).body(CHANGE_CARD + ".pointsAtStake", equalTo(5.0f))
                .body(CHANGE_CARD + ".states.find { it.label == 'New' }.tickets", equalTo(shares)));

        for (UUID share : ids.subList(0, shares - 1)) {
            KafkaTestClient.publish(TicketEvents.updated(tenant, share, TicketType.CHANGE_REQUEST, "CHG" + share, "3",
                    "Closed", 2, true));
        }
        eventually(() -> summary(admin).body(CHANGE_CARD + ".open", equalTo(1))
                .body(CHANGE_CARD + ".total", equalTo(shares)).body(CHANGE_CARD + ".pointsAtStake", equalTo(5.0f))
                .body(CHANGE_CARD + ".states.find { it.label == 'Closed' }.tickets", equalTo(shares - 1))
                .body(CHANGE_CARD + ".states.find { it.label == 'New' }.tickets", equalTo(1)));

        KafkaTestClient.publish(TicketEvents.updated(tenant, ids.get(shares - 1), TicketType.CHANGE_REQUEST,
                "CHG" + ids.get(shares - 1), "3", "Closed", 2, true));
        eventually(() -> summary(admin).body(CHANGE_CARD + ".open", equalTo(0))
                .body(CHANGE_CARD + ".pointsAtStake", equalTo(0.0f))
                .body(CHANGE_CARD + ".states.label", contains("Closed")));
    }

    @Test
    void duplicatedAndReorderedEventsLeaveTheHighestModCount() {
        String tenant = "tenant-order-" + UUID.randomUUID();
        String reader = Tokens.reader(tenant);
        UUID share = UUID.randomUUID();
        TicketUpdated inProgress = TicketEvents.updated(tenant, share, TicketType.INCIDENT, "INC0007", "2",
                "In Progress", 5, false);
        TicketUpdated onHold = TicketEvents.updated(tenant, share, TicketType.INCIDENT, "INC0007", "3", "On Hold", 3,
                false);
        KafkaTestClient.publish(inProgress);
        KafkaTestClient.publish(inProgress);
        KafkaTestClient.publish(onHold);
        KafkaTestClient.publish(TicketEvents.created(tenant, share, TicketType.INCIDENT, "INC0007", "1", "New"));
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(TicketEvents.created(tenant, marker, TicketType.INCIDENT, "INC0008", "1", "New"));

        eventually(() -> GatewayApi.as(reader).queryParam("text", "INC0008").get("/api/v1/tickets").then()
                .body("items.size()", equalTo(1)));
        GatewayApi.as(reader).queryParam("text", "INC0007").get("/api/v1/tickets").then()
                .body("items.size()", equalTo(1)).body("items[0].state.label", equalTo("In Progress"))
                .body("items[0].status", equalTo("CREATED"));
        summary(reader).body(INCIDENT_CARD + ".total", equalTo(2)).body(INCIDENT_CARD + ".open", equalTo(2))
                .body(INCIDENT_CARD + ".states.find { it.label == 'In Progress' }.tickets", equalTo(1))
                .body(INCIDENT_CARD + ".states.find { it.label == 'New' }.tickets", equalTo(1));
    }

    @Test
    void stateLabelsFollowTheTenantsNamesIncludingARename() {
        String tenant = "tenant-names-" + UUID.randomUUID();
        String reader = Tokens.reader(tenant);
        KafkaTestClient.publish(TicketEvents.connected(tenant, Map.of("incident", Map.of("2", "Being worked on"))));
        KafkaTestClient.publish(TicketEvents.updated(tenant, UUID.randomUUID(), TicketType.INCIDENT, "INC0100", "2",
                "In Progress", 1, false));
        eventually(() -> summary(reader).body("connection.status", equalTo("CONNECTED"))
                .body(INCIDENT_CARD + ".states.label", contains("Being worked on")));

        KafkaTestClient.publish(TicketEvents.connected(tenant, Map.of("incident", Map.of("2", "With the SOC"))));
        eventually(() -> summary(reader).body(INCIDENT_CARD + ".states.label", contains("With the SOC")));
        GatewayApi.as(reader).queryParam("state", "With the SOC").get("/api/v1/tickets").then()
                .body("items.number", contains("INC0100")).body("items[0].state.label", equalTo("With the SOC"));
    }

    @Test
    void openTicketsPastTheirDueDateAreOverdue() {
        String tenant = "tenant-overdue-" + UUID.randomUUID();
        String admin = Tokens.admin(tenant);
        UUID late = UUID.fromString(GatewayApi.share(admin, GatewayApi.shareForm()).then().statusCode(202)
                .extract().path("shareId"));
        UUID closed = UUID.fromString(GatewayApi.share(admin, GatewayApi.shareForm()).then().statusCode(202)
                .extract().path("shareId"));
        KafkaTestClient.publish(TicketEvents.created(tenant, late, TicketType.CHANGE_REQUEST, "CHG0201", "-5", "New"));
        KafkaTestClient.publish(TicketEvents.updated(tenant, closed, TicketType.CHANGE_REQUEST, "CHG0202", "3", "Closed",
                2, true));
        eventually(() -> summary(admin).body(CHANGE_CARD + ".open", equalTo(1)).body(CHANGE_CARD + ".total", equalTo(2)));
        summary(admin).body(CHANGE_CARD + ".overdue", equalTo(0));

        monthPasses(tenant);

        summary(admin).body(CHANGE_CARD + ".overdue", equalTo(1));
        GatewayApi.as(admin).queryParam("overdue", true).get("/api/v1/tickets").then()
                .body("items.number", contains("CHG0201")).body("items[0].overdue", equalTo(true));
    }

    /** Moves the tenant's due dates a month back, as if a month had passed. */
    private static void monthPasses(String tenant) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("UPDATE share SET due_date = due_date - 30 WHERE tenant_id = ?1")
                    .setParameter(1, tenant).executeUpdate();
            em.createNativeQuery("UPDATE ticket_bucket SET due_date = due_date - 30 WHERE tenant_id = ?1")
                    .setParameter(1, tenant).executeUpdate();
        });
    }

    @Test
    void listPagesWithAnOpaqueCursorWithoutGapsOrRepeats() {
        String tenant = "tenant-pages-" + UUID.randomUUID();
        String admin = Tokens.admin(tenant);
        for (int i = 0; i < 5; i++) {
            GatewayApi.share(admin, GatewayApi.shareForm()).then().statusCode(202);
        }
        ValidatableResponse first = GatewayApi.as(admin).queryParam("size", 2).get("/api/v1/tickets").then()
                .body("items.size()", equalTo(2)).body("nextCursor", notNullValue());
        String cursor = first.extract().path("nextCursor");
        String second = GatewayApi.as(admin).queryParam("size", 2).queryParam("cursor", cursor).get("/api/v1/tickets")
                .then().body("items.size()", equalTo(2)).extract().path("nextCursor");
        GatewayApi.as(admin).queryParam("size", 2).queryParam("cursor", second).get("/api/v1/tickets").then()
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue());
    }

    @Test
    void badListParametersAreProblemsNamingThem() {
        String reader = Tokens.reader("tenant-params");
        GatewayApi.as(reader).queryParam("cursor", "garbage!").get("/api/v1/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        GatewayApi.as(reader).queryParam("type", "problem").get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("type"));
        GatewayApi.as(reader).queryParam("size", 0).get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        GatewayApi.as(reader).queryParam("size", "ten").get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        GatewayApi.as(reader).queryParam("text", "a\u0000b").get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        String beforeEpoch = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("-9223372036854775808:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        GatewayApi.as(reader).queryParam("cursor", beforeEpoch).get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        GatewayApi.as(Tokens.admin("tenant-params")).queryParam("before", "yesterday").get("/api/v1/audit").then()
                .statusCode(400).body("errors.field", hasItem("before"));
        GatewayApi.as(reader).queryParam("page", "2147483648").get("/api/v1/improvement-actions").then()
                .statusCode(400).body("errors.field", hasItem("page"));
    }
}
