package dev.ticketbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.ticketbridge.gateway.support.ConnectionServiceResource;
import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.ServiceNowConsent;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Setting up, authorising, checking, renaming and removing a connection through the gateway and the real connection-service. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConnectionServiceResource.class, restrictToAnnotatedClass = true)
class ServiceNowConnectionTest {

    private static String newTenant() {
        return "tenant-sn-" + UUID.randomUUID();
    }

    @Test
    void dependenciesReportConnectionServiceReachable() {
        RestAssured.get("/q/health/group/dependencies").then().statusCode(200)
                .body(HealthTest.CHECK + ".status", equalTo("UP"));
    }

    @Test
    void administratorConnectsThroughConsentAndCallbackAndSeesConnected() {
        String tenant = newTenant();
        String admin = Tokens.admin(tenant);
        String body = ServiceNowConsent.setUp(admin).then().statusCode(200)
                .body("status", equalTo("PENDING_AUTHORIZATION"))
                .body("authorizeUrl", startsWith(ServiceNowConsent.emulator().baseUrl() + "/oauth_auth.do"))
                .extract().asString();
        assertThat(body).doesNotContain(ServiceNowEmulator.CLIENT_SECRET);
        String authorizeUrl = io.restassured.path.json.JsonPath.from(body).getString("authorizeUrl");

        ServiceNowConsent.returnToGateway(admin, ServiceNowConsent.consent(authorizeUrl, true)).then().statusCode(303)
                .header("Location", endsWith("/#/setup?authorized=true"));

        String status = GatewayApi.as(admin).get("/api/v1/connection").then().statusCode(200)
                .body("status", equalTo("CONNECTED"))
                .body("instanceUrl", equalTo(ServiceNowConsent.emulator().baseUrl()))
                .body("clientId", equalTo(ServiceNowEmulator.CLIENT_ID))
                .body("clientSecretStored", equalTo(true))
                .body("authorizedBy", equalTo("admin-of-" + tenant))
                .extract().asString();
        assertThat(status).doesNotContain(ServiceNowEmulator.CLIENT_SECRET).doesNotContain("clientSecret\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GatewayApi.as(admin).get("/api/v1/tickets/summary")
                .then().statusCode(200).body("connection.status", equalTo("CONNECTED")));
        GatewayApi.as(admin).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItems("CONNECTION_SET_UP", "CONNECTION_AUTHORIZED"))
                .body("items.actor", hasItems("admin-of-" + tenant));
    }

    @Test
    void consentDeniedAtServiceNowSendsTheBrowserBackWithTheReason() {
        String admin = Tokens.admin(newTenant());
        String authorizeUrl = ServiceNowConsent.setUp(admin).then().statusCode(200).extract().path("authorizeUrl");
        String location = ServiceNowConsent.returnToGateway(admin, ServiceNowConsent.consent(authorizeUrl, false))
                .then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/#/setup?error=");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("Access was denied");
        GatewayApi.as(admin).get("/api/v1/connection").then().body("status", equalTo("PENDING_AUTHORIZATION"));
    }

    @Test
    void tamperedStateEndsOnTheSetupPageWithTheReason() {
        String admin = Tokens.admin(newTenant());
        String authorizeUrl = ServiceNowConsent.setUp(admin).then().statusCode(200).extract().path("authorizeUrl");
        TenantConnector.Redirect redirect = ServiceNowConsent.consent(authorizeUrl, true);
        String location = ServiceNowConsent.returnToGateway(admin,
                new TenantConnector.Redirect(redirect.code(), redirect.state() + "x", null))
                .then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/#/setup?error=state");
        GatewayApi.as(admin).get("/api/v1/connection").then().body("status", equalTo("PENDING_AUTHORIZATION"));
    }

    @Test
    void anotherAdministratorCannotCompleteSomeoneElsesAuthorization() {
        String tenant = newTenant();
        String authorizeUrl = ServiceNowConsent.setUp(Tokens.admin(tenant)).then().statusCode(200)
                .extract().path("authorizeUrl");
        String colleague = Tokens.signed(Tokens.claims(tenant, "colleague-of-" + tenant, Tokens.ADMIN_ROLE));
        String location = ServiceNowConsent.returnToGateway(colleague, ServiceNowConsent.consent(authorizeUrl, true))
                .then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("another user");
    }

    @Test
    void invalidInstanceIsRefusedNamingTheField() {
        GatewayApi.as(Tokens.admin(newTenant())).contentType(ContentType.JSON)
                .body(Map.of("instance", "https://intranet.example.org", "clientId", "x", "clientSecret", "y"))
                .put("/api/v1/connection").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("instance"));
        GatewayApi.as(Tokens.admin(newTenant())).contentType(ContentType.JSON)
                .body(Map.of("instance", ServiceNowConsent.emulator().baseUrl(), "clientId", "x"))
                .put("/api/v1/connection").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientSecret"));
    }

    @Test
    void connectedTenantChecksRenamesStatesAndRemovesTheConnection() {
        String tenant = newTenant();
        String admin = Tokens.admin(tenant);
        ServiceNowConsent.connect(admin);

        GatewayApi.as(Tokens.reader(tenant)).contentType(ContentType.JSON).post("/api/v1/connection/check").then()
                .statusCode(200).body("ok", equalTo(true)).body("items.item", hasItems(notNullValue()));
        GatewayApi.as(admin).get("/api/v1/connection/state-names").then().statusCode(200)
                .body("effective.incident.'2'", notNullValue());

        GatewayApi.as(admin).contentType(ContentType.JSON)
                .body(Map.of("renames", Map.of("incident", Map.of("2", "Being fixed"))))
                .put("/api/v1/connection/state-names").then().statusCode(200)
                .body("renames.incident.'2'", equalTo("Being fixed"))
                .body("effective.incident.'2'", equalTo("Being fixed"));
        GatewayApi.as(admin).contentType(ContentType.JSON)
                .body(Map.of("renames", Map.of("incident", Map.of("2", "x".repeat(41)))))
                .put("/api/v1/connection/state-names").then().statusCode(400).contentType("application/problem+json");

        GatewayApi.as(admin).delete("/api/v1/connection").then().statusCode(200).body("revoked", equalTo(true));
        GatewayApi.as(admin).get("/api/v1/connection").then().statusCode(200).body("status", equalTo("NOT_CONNECTED"));
        GatewayApi.as(admin).delete("/api/v1/connection").then().statusCode(404).contentType("application/problem+json");
        GatewayApi.as(admin).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItems("STATE_NAMES_CHANGED", "CONNECTION_REMOVED"));
    }

    @Test
    void readerSeesTheConnectionButCannotChangeIt() {
        String tenant = newTenant();
        ServiceNowConsent.connect(Tokens.admin(tenant));
        String reader = Tokens.reader(tenant);
        GatewayApi.as(reader).get("/api/v1/connection").then().statusCode(200).body("status", equalTo("CONNECTED"));
        GatewayApi.as(reader).get("/api/v1/connection/state-names").then().statusCode(200);
        ServiceNowConsent.setUp(reader).then().statusCode(403).contentType("application/problem+json");
        GatewayApi.as(reader).delete("/api/v1/connection").then().statusCode(403).contentType("application/problem+json");
        GatewayApi.as(reader).contentType(ContentType.JSON).post("/api/v1/connection/authorization").then()
                .statusCode(403);
        GatewayApi.as(reader).contentType(ContentType.JSON).body(Map.of("renames", Map.of()))
                .put("/api/v1/connection/state-names").then().statusCode(403);
        GatewayApi.as(reader).redirects().follow(false).queryParam("code", "c").queryParam("state", "s")
                .get("/api/v1/servicenow/oauth/callback").then().statusCode(403);
        GatewayApi.as(Tokens.admin(tenant)).get("/api/v1/connection").then().body("status", equalTo("CONNECTED"));
    }

    @Test
    void anotherTenantNeitherSeesNorTouchesTheConnection() {
        String tenantA = newTenant();
        ServiceNowConsent.connect(Tokens.admin(tenantA));
        for (String callerOfB : List.of(Tokens.admin(newTenant()), Tokens.reader(newTenant()))) {
            GatewayApi.as(callerOfB).get("/api/v1/connection").then().statusCode(200)
                    .body("status", equalTo("NOT_CONNECTED"));
            GatewayApi.as(callerOfB).get("/api/v1/connection/state-names").then().statusCode(404)
                    .contentType("application/problem+json");
            GatewayApi.as(callerOfB).contentType(ContentType.JSON).post("/api/v1/connection/check").then()
                    .statusCode(404).contentType("application/problem+json");
        }
        String adminOfB = Tokens.admin(newTenant());
        GatewayApi.as(adminOfB).delete("/api/v1/connection").then().statusCode(404);
        GatewayApi.as(adminOfB).contentType(ContentType.JSON).post("/api/v1/connection/authorization").then()
                .statusCode(404).body("detail", containsString("no ServiceNow connection"));
        GatewayApi.as(Tokens.admin(tenantA)).get("/api/v1/connection").then().body("status", equalTo("CONNECTED"));
    }
}
