package dev.ticketbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.logging.CapturedLogs;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConnectionTestResource.class, restrictToAnnotatedClass = false)
class TokenLifecycleTest {

    private final ServiceNowEmulator emulator = ConnectionTestResource.emulator();

    @Inject
    MeterRegistry meters;

    @AfterEach
    void restoreLifespans() {
        emulator.settings(Map.of("access_token_lifespan_seconds", 1800));
    }

    @Test
    void tokenAboutToExpireIsRefreshedBeforeItIsHandedOut() throws Exception {
        String tenant = connectedWithShortLivedTokens("refresh");
        emulator.clearRequestLog();
        double refreshed = refreshes("refreshed");

        JsonNode second = token(tenant);

        assertThat(java.time.Instant.parse(second.path("expiresAt").asText()))
                .isAfter(java.time.Instant.now().plusSeconds(600));
        assertThat(emulator.requestCount("POST", "/oauth_token.do", "refresh_token")).isEqualTo(1);
        assertThat(AuthorizationFlowTest.instanceAnswers(second.path("accessToken").asText())).isEqualTo(200);
        assertThat(refreshes("refreshed") - refreshed).isEqualTo(1);
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString(
                "ticketbridge_token_refreshes_total{outcome=\"refreshed\""));
    }

    @Test
    void twentyConcurrentRequestsDuringExpiryCauseExactlyOneRefresh() throws Exception {
        String tenant = connectedWithShortLivedTokens("flight");
        emulator.clearRequestLog();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> calls = IntStream.range(0, 20)
                    .<Callable<String>>mapToObj(i -> () -> token(tenant).path("accessToken").asText()).toList();
            Set<String> tokens = pool.invokeAll(calls).stream().map(TokenLifecycleTest::join).collect(Collectors.toSet());

            assertThat(tokens).hasSize(1);
            assertThat(emulator.requestCount("POST", "/oauth_token.do", "refresh_token")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectedTokenIsReplacedOnceForManyCallers() {
        String tenant = Tenants.fresh("rejected");
        Tenants.connector().connect(tenant, ConnectionTestResource.integrationUser());
        String rejected = token(tenant).path("accessToken").asText();
        emulator.clearRequestLog();

        String replaced = refreshAfterRejection(tenant, rejected);
        String again = refreshAfterRejection(tenant, rejected);

        assertThat(replaced).isNotEqualTo(rejected).isEqualTo(again);
        assertThat(emulator.requestCount("POST", "/oauth_token.do", "refresh_token")).isEqualTo(1);
    }

    @Test
    void revokedRefreshTokenTurnsTheConnectionToNeedsReauthorization() {
        String tenant = connectedWithShortLivedTokens("revoked");
        emulator.revokeTokens(ServiceNowEmulator.INTEGRATION_USER);
        double invalidGrants = refreshes("invalid_grant");

        TenantConnector.Answer answer;
        try (CapturedLogs logs = CapturedLogs.of("dev.ticketbridge.connection")) {
            answer = Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/token", null);

            assertThat(logs.lines()).filteredOn(line -> line.message().startsWith("Token refresh refused"))
                    .anySatisfy(line -> assertThat(line.mdc()).containsEntry("tenantId", tenant));
        }

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("connectionStatus").asText()).isEqualTo("NEEDS_REAUTHORIZATION");
        ConnectionChanged event = KafkaTestClient.awaitEvent(Topics.CONNECTION_EVENTS, ConnectionChanged.class,
                e -> e.tenantId().equals(tenant) && e.status() == ConnectionStatus.NEEDS_REAUTHORIZATION);
        assertThat(event.detail()).contains("Authorize again");
        assertThat(refreshes("invalid_grant") - invalidGrants).isEqualTo(1);
    }

    @Test
    void removalRevokesBothTokensAtTheInstanceAndAllowsReprovisioning() throws Exception {
        String tenant = Tenants.fresh("remove");
        Tenants.connector().connect(tenant, ConnectionTestResource.integrationUser());
        String accessToken = token(tenant).path("accessToken").asText();
        emulator.clearRequestLog();

        TenantConnector.Answer removed = Tenants.connector().send("DELETE", "/internal/v1/tenants/" + tenant + "/connection", null);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("revoked").asBoolean()).isTrue();
        assertThat(emulator.requestCount("POST", "/oauth_revoke_token.do")).isEqualTo(2);
        assertThat(AuthorizationFlowTest.instanceAnswers(accessToken)).isEqualTo(401);
        assertThat(Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/connection", null).status())
                .isEqualTo(404);
        KafkaTestClient.awaitEvent(Topics.CONNECTION_EVENTS, ConnectionChanged.class,
                e -> e.tenantId().equals(tenant) && e.status() == ConnectionStatus.REMOVED);

        Tenants.connector().connect(tenant, ConnectionTestResource.integrationUser());
        assertThat(token(tenant).path("accessToken").asText()).isNotEqualTo(accessToken);
    }

    /** A tenant whose access token is already inside the 60 s refresh window; later tokens live 30 minutes. */
    private String connectedWithShortLivedTokens(String purpose) {
        emulator.settings(Map.of("access_token_lifespan_seconds", 61));
        String tenant = Tenants.fresh(purpose);
        Tenants.connector().connect(tenant, ConnectionTestResource.integrationUser());
        emulator.settings(Map.of("access_token_lifespan_seconds", 1800));
        return tenant;
    }

    /** Refresh calls to the instance so far with this outcome. */
    private double refreshes(String outcome) {
        return meters.find("ticketbridge.token.refreshes").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static JsonNode token(String tenant) {
        TenantConnector.Answer answer = Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/token", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static String refreshAfterRejection(String tenant, String rejected) {
        TenantConnector.Answer answer = Tenants.connector().send("POST", "/internal/v1/tenants/" + tenant + "/token/refresh",
                Map.of("rejectedAccessToken", rejected));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body().path("accessToken").asText();
    }

    private static String join(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
