package dev.ticketbridge.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConnectionTestResource.class, restrictToAnnotatedClass = false)
class InternalApiSecurityTest {

    private final OAuthLogin login = ConnectionTestResource.integrationUser();

    @Test
    void callsWithoutAValidServiceTokenAreUnauthorized() {
        given().when().get("/internal/v1/tenants/any/token").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + ServiceKeys.forgedToken("gateway"))
                .when().get("/internal/v1/tenants/any/connection").then().statusCode(401);
        given().header("Authorization", "Bearer " + ServiceKeys.token("gateway", "sync-service", Duration.ofMinutes(1)))
                .when().get("/internal/v1/tenants/any/connection").then().statusCode(401);
        given().header("Authorization", "Bearer " + ServiceKeys.token("gateway", "connection-service", Duration.ofHours(1)))
                .when().get("/internal/v1/tenants/any/connection").then().statusCode(401);
        given().header("Authorization", "Bearer " + ServiceKeys.token("stranger", "connection-service", Duration.ofMinutes(1)))
                .when().get("/internal/v1/tenants/any/connection").then().statusCode(401);
    }

    @Test
    void aTrustedServiceTokenIsAccepted() {
        given().header("Authorization", ServiceKeys.bearer("ticket-service"))
                .when().get("/internal/v1/tenants/nobody/token").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.service-now.com", "https://127.0.0.1", "https://[::1]",
            "https://169.254.169.254", "https://10.0.0.5", "https://localhost", "https://contoso.service-now.com:8443",
            "https://contoso.service-now.com@evil.example", "https://evil.example#.service-now.com",
            "https://contoso.service-now.com.evil.example", "https://service-now.com", "https://evil.example/x.service-now.com",
            "file:///etc/passwd", "https://2130706433", "http://127.0.0.1:1"})
    void instanceUrlsOutsideServiceNowAreRefused(String instance) {
        given().header("Authorization", ServiceKeys.bearer("gateway")).contentType("application/json")
                .body(Map.of("instance", instance, "clientId", "id", "clientSecret", "secret", "requestedBy", "a"))
                .when().put("/internal/v1/tenants/ssrf/connection")
                .then().statusCode(400).body("errors[0].field", equalTo("instance"));
    }

    @Test
    void controlCharactersInIdsAndStatesAreRefusedNamingTheField() {
        given().header("Authorization", ServiceKeys.bearer("gateway")).contentType("application/json")
                .body(Map.of("instance", "contoso", "clientId", "id\u0000", "clientSecret", "secret", "requestedBy", "a"))
                .when().put("/internal/v1/tenants/control/connection")
                .then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        given().header("Authorization", ServiceKeys.bearer("gateway")).contentType("application/json")
                .body(Map.of("instance", "contoso", "clientId", "id", "clientSecret", "secret", "requestedBy", "a"))
                .when().put("/internal/v1/tenants/control/connection").then().statusCode(200);
        given().header("Authorization", ServiceKeys.bearer("gateway")).contentType("application/json")
                .body(Map.of("state", "\u0000", "code", "c", "requestedBy", "a"))
                .when().post("/internal/v1/tenants/control/connection/callback")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
    }

    @Test
    void anInstanceNameBecomesItsServiceNowUrl() {
        given().header("Authorization", ServiceKeys.bearer("gateway")).contentType("application/json")
                .body(Map.of("instance", "contoso", "clientId", "id", "clientSecret", "secret", "requestedBy", "a"))
                .when().put("/internal/v1/tenants/named/connection")
                .then().statusCode(200).body("instanceUrl", equalTo("https://contoso.service-now.com"))
                .body("status", equalTo("PENDING_AUTHORIZATION"));
    }

    @Test
    void oneTenantsAuthorizationCannotCompleteOrChangeAnotherTenant() {
        String a = Tenants.fresh("tenant-a");
        String b = Tenants.fresh("tenant-b");
        TenantConnector connector = Tenants.connector();
        connector.connect(b, login);
        String tokenOfB = connector.send("GET", "/internal/v1/tenants/" + b + "/token", null).body().path("accessToken").asText();
        TenantConnector.Redirect redirectOfA = connector.authorize(connector.create(a, login), login);

        TenantConnector.Answer crossed = connector.callback(b, redirectOfA, TenantConnector.ADMIN);

        assertThat(crossed.status()).isEqualTo(400);
        assertThat(connector.send("GET", "/internal/v1/tenants/" + b + "/token", null).body().path("accessToken").asText())
                .isEqualTo(tokenOfB);
        assertThat(connector.callback(a, redirectOfA, TenantConnector.ADMIN).status()).isEqualTo(200);
        String tokenOfA = connector.send("GET", "/internal/v1/tenants/" + a + "/token", null).body().path("accessToken").asText();
        assertThat(tokenOfA).isNotEqualTo(tokenOfB);
    }

    @Test
    void theClientSecretNeverAppearsInResponsesEventsOrLogs() throws Exception {
        String tenant = Tenants.fresh("canary");
        TenantConnector connector = Tenants.connector();
        List<String> responses = new ArrayList<>();
        String authorizeUrl = connector.create(tenant, login);
        responses.add(authorizeUrl);
        responses.add(connector.callback(tenant, connector.authorize(authorizeUrl, login), TenantConnector.ADMIN).toString());
        for (String path : List.of("/connection", "/token", "/connection/state-names")) {
            responses.add(connector.send("GET", "/internal/v1/tenants/" + tenant + path, null).toString());
        }
        responses.add(connector.send("POST", "/internal/v1/tenants/" + tenant + "/connection/check", null).toString());
        responses.add(connector.send("DELETE", "/internal/v1/tenants/" + tenant + "/connection", null).toString());

        assertThat(responses).noneMatch(r -> r.contains(ConnectionTestResource.CANARY_SECRET));
        List<KafkaTestClient.Received> events = KafkaTestClient.readUntil(Topics.CONNECTION_EVENTS,
                read -> read.stream().anyMatch(r -> r.valueAsText().contains(tenant) && r.valueAsText().contains("REMOVED")),
                Duration.ofSeconds(30));
        assertThat(events).noneMatch(r -> r.valueAsText().contains(ConnectionTestResource.CANARY_SECRET));
        String log = Files.readString(Path.of(ConnectionTestResource.LOG_FILE), StandardCharsets.UTF_8);
        assertThat(log).contains(tenant).doesNotContain(ConnectionTestResource.CANARY_SECRET);
    }
}
