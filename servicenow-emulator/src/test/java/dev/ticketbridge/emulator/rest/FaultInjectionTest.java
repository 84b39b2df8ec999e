package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static dev.ticketbridge.emulator.Emulator.fault;
import static dev.ticketbridge.emulator.Emulator.newChange;
import static dev.ticketbridge.emulator.Emulator.newIncident;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultInjectionTest {

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void hibernatingInstanceAnswers200WithTheHibernationPage() {
        fault("hibernation", Map.of());
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Instance Hibernating page"));
        given().delete("/emulator/admin/faults/hibernation").then().statusCode(200);
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200).body("result.size()", equalTo(0));
    }

    @Test
    void ipAccessControlRefusesEveryApiCallWith403() {
        fault("ip-block", Map.of());
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(403).body("status", equalTo("failure"));
        given().formParam("grant_type", "password").post("/oauth_token.do").then().statusCode(403);
    }

    @Test
    void errorFaultAnswersTheConfiguredStatusTheConfiguredNumberOfTimes() {
        fault("errors", Map.of("status", 503, "count", 2, "path_prefix", "/api/now/table/incident"));
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(503);
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(503);
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
    }

    @Test
    void error500CarriesTheServiceNowEnvelope() {
        fault("errors", Map.of("status", 500, "rate", 1.0));
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(500).body("status", equalTo("failure"));
    }

    @Test
    void errorFaultIsScopedToItsPathPrefix() {
        fault("errors", Map.of("status", 502, "path_prefix", "/api/now/table/change_request"));
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
        asIntegrationUser().get("/api/now/table/change_request").then().statusCode(502);
    }

    @Test
    void latencyAndHangDelayResponses() {
        fault("latency", Map.of("min_ms", 150, "max_ms", 200));
        long start = System.nanoTime();
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        given().delete("/emulator/admin/faults/latency");
        fault("hang", Map.of("ms", 400, "count", 1));
        start = System.nanoTime();
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void changeStateQuirkAnswers200ButKeepsTheState() {
        String sysId = newChange(Map.of("short_description", "x"));
        fault("change-state-quirk", Map.of());
        asIntegrationUser().body(Map.of("state", "3", "description", "applied"))
                .patch("/api/now/table/change_request/" + sysId).then().statusCode(200)
                .body("result.state", equalTo("-5"))
                .body("result.description", equalTo("applied"));
    }

    @Test
    void oauthEntityIsReadableUntilCrossScopeRefusalIsOn() {
        asIntegrationUser().get("/api/now/table/oauth_entity").then().statusCode(200)
                .body("result[0].client_id", equalTo("ticketbridge-demo"))
                .body("result[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("client_secret")));
        fault("oauth-entity-cross-scope", Map.of());
        asIntegrationUser().get("/api/now/table/oauth_entity").then().statusCode(403)
                .body("error.message", equalTo("Read operation against 'oauth_entity' from scope "
                        + "'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy"));
    }

    @Test
    void aclDeniedInsertIsRefusedPerTable() {
        given().put("/emulator/admin/faults/acl-insert/incident").then().statusCode(200);
        asIntegrationUser().body(Map.of("short_description", "x")).post("/api/now/table/incident").then()
                .statusCode(403)
                .body("error.message", equalTo("Operation Failed"))
                .body("error.detail", equalTo("ACL Exception Insert Failed due to security constraints"));
        newChange(Map.of("short_description", "other table still works"));
    }

    @Test
    void revokingAllOfAUsersTokensLocksOutItsBearerTokens() {
        String token = given().formParams(Map.of("grant_type", "password", "username", "ticketbridge.integration",
                        "password", "Integration-Demo-1", "client_id", "ticketbridge-demo",
                        "client_secret", "ticketbridge-demo-secret"))
                .post("/oauth_token.do").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/now/table/incident").then().statusCode(200);
        given().post("/emulator/admin/users/ticketbridge.integration/revoke-tokens").then()
                .body("revoked", equalTo(1));
        given().auth().oauth2(token).get("/api/now/table/incident").then().statusCode(401);
    }

    @Test
    void resetSwitchesEveryFaultOffAndRestoresTheSeed() {
        newIncident(Map.of("short_description", "x"));
        fault("hibernation", Map.of());
        Emulator.reset();
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200).body("result.size()", equalTo(0));
        asIntegrationUser().queryParam("user_name", "abel.tuter").get("/api/now/table/sys_user").then()
                .body("result[0].name", equalTo("Abel Tuter"));
    }
}
