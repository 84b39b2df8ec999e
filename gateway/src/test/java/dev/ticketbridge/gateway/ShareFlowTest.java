package dev.ticketbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.logging.CapturedLogs;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ShareFlowTest {

    private static final String TENANT = "tenant-flow";
    private static final String ADMIN = Tokens.admin(TENANT);

    @Test
    void shareIsAcceptedWithLocationAndPublishedAsShareRequested() {
        Response accepted = GatewayApi.share(ADMIN, GatewayApi.shareForm());
        accepted.then().statusCode(202).body("status", equalTo("PENDING"));
        String shareId = accepted.path("shareId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/shares/" + shareId);

        ShareRequested event = KafkaTestClient.awaitEvent(Topics.SHARE_REQUESTS, ShareRequested.class,
                e -> e.shareId().toString().equals(shareId));
        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(event.requestedBy()).isEqualTo("admin-of-" + TENANT);
        assertThat(event.ticketType()).isEqualTo(TicketType.CHANGE_REQUEST);
        assertThat(event.action().id()).isEqualTo(GatewayApi.ACTION_ID);
        assertThat(event.action().category()).isEqualTo(RecommendationCategory.Apps);
        assertThat(event.action().maxScore()).isEqualTo(5.0);
        assertThat(event.task().priority()).isEqualTo(Priority.HIGH);

        GatewayApi.as(ADMIN).get(accepted.header("Location")).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("taskName", equalTo("Enable the admin consent workflow"));
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyMakesOneShare() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = GatewayApi.shareForm();
        form.put("taskName", "Idempotent " + key);
        String first = post(key, form).then().statusCode(202).extract().path("shareId");
        post(key, form).then().statusCode(202).body("shareId", equalTo(first))
                .header("Location", endsWith(first));

        GatewayApi.as(ADMIN).queryParam("text", key).get("/api/v1/tickets").then().statusCode(200)
                .body("items.size()", equalTo(1));
        List<KafkaTestClient.Received> published = KafkaTestClient.readUntil(Topics.SHARE_REQUESTS,
                all -> all.stream().anyMatch(r -> isShare(r, first)), Duration.ofSeconds(30));
        assertThat(published.stream().filter(r -> r.event() instanceof ShareRequested s
                && s.task().name().equals("Idempotent " + key))).hasSize(1);
    }

    @Test
    void acceptedSharesAreCountedByTicketTypeButReplaysAreNot() {
        double before = acceptedChangeRequests();
        String key = UUID.randomUUID().toString();
        post(key, GatewayApi.shareForm()).then().statusCode(202);
        post(key, GatewayApi.shareForm()).then().statusCode(202);

        assertThat(acceptedChangeRequests() - before).isEqualTo(1.0);
    }

    @Test
    void linesLoggedWhileSharingCarryTheTenantAndTheShare() {
        try (CapturedLogs logs = CapturedLogs.of("dev.ticketbridge.gateway")) {
            String shareId = GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202)
                    .extract().path("shareId");

            assertThat(logs.lines()).filteredOn(line -> line.message().startsWith("Share accepted"))
                    .anySatisfy(line -> assertThat(line.mdc()).containsEntry("tenantId", TENANT)
                            .containsEntry("shareId", shareId));
        }
    }

    @Test
    void idempotencyKeyReusedForADifferentShareIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, GatewayApi.shareForm()).then().statusCode(202);
        Map<String, Object> other = GatewayApi.shareForm();
        other.put("taskName", "Something else");
        post(key, other).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shareBecomesCreatedWithNumberAndRecordUrl() {
        String shareId = GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202).extract().path("shareId");
        KafkaTestClient.publish(new TicketCreated(UUID.randomUUID(), 1, Instant.now(), TENANT, UUID.fromString(shareId),
                TicketType.CHANGE_REQUEST, "abc123", "CHG0040001", "https://contoso.service-now.com/change_request.do?sys_id=abc123",
                new TicketState("-5", "New"), 0, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GatewayApi.as(ADMIN).get("/api/v1/shares/" + shareId)
                .then().body("status", equalTo("CREATED")).body("number", equalTo("CHG0040001"))
                .body("recordUrl", equalTo("https://contoso.service-now.com/change_request.do?sys_id=abc123"))
                .body("state.label", equalTo("New")));
    }

    @Test
    void shareBecomesFailedWithServiceNowsReason() {
        String shareId = GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202).extract().path("shareId");
        KafkaTestClient.publish(new TicketCreationFailed(UUID.randomUUID(), 1, Instant.now(), TENANT,
                UUID.fromString(shareId), TicketType.CHANGE_REQUEST,
                TicketCreationFailed.FailureReason.SERVICENOW_REJECTED, "Data Policy Exception: Category is mandatory",
                400, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GatewayApi.as(ADMIN).get("/api/v1/shares/" + shareId)
                .then().body("status", equalTo("FAILED")).body("failure.reason", equalTo("SERVICENOW_REJECTED"))
                .body("failure.message", equalTo("Data Policy Exception: Category is mandatory")));
    }

    @Test
    void shareIsRecordedInTheAuditTrail() {
        String shareId = GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202).extract().path("shareId");
        GatewayApi.as(ADMIN).get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.target == '" + shareId + "' }.action", equalTo("SHARE_REQUESTED"))
                .body("items.find { it.target == '" + shareId + "' }.actor", equalTo("admin-of-" + TENANT));
    }

    private static boolean isShare(KafkaTestClient.Received record, String shareId) {
        return record.event() instanceof ShareRequested s && s.shareId().toString().equals(shareId);
    }

    /** {@code ticketbridge_shares_accepted_total{ticket_type="CHANGE_REQUEST"}} as Prometheus scrapes it. */
    private static double acceptedChangeRequests() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^ticketbridge_shares_accepted_total\\{[^}]*ticket_type=\"CHANGE_REQUEST\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0.0;
    }

    private static Response post(String key, Map<String, Object> form) {
        return GatewayApi.as(ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(form)
                .post("/api/v1/shares");
    }
}
