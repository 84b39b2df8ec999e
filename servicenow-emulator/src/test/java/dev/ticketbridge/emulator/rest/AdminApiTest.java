package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static dev.ticketbridge.emulator.Emulator.newChange;
import static dev.ticketbridge.emulator.Emulator.newIncident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest {

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void requestLogCountsCallsPerMethodPathTemplateAndStatus() {
        String sysId = newIncident(Map.of("short_description", "a"));
        newIncident(Map.of("short_description", "b"));
        asIntegrationUser().get("/api/now/v2/table/incident/" + sysId);
        given().queryParam("method", "POST").queryParam("path", "/api/now/table/incident")
                .get("/emulator/admin/requests/count").then().body("count", equalTo(2));
        given().queryParam("method", "GET").queryParam("path", "/api/now/table/incident/{sys_id}")
                .get("/emulator/admin/requests/count").then().body("count", equalTo(1));
        given().get("/emulator/admin/requests").then().body("total", equalTo(3));
        given().delete("/emulator/admin/requests").then().statusCode(204);
        given().get("/emulator/admin/requests").then().body("total", equalTo(0));
    }

    @Test
    void requestLogRecordsTheGrantTypeOfTokenCalls() {
        given().formParams(Map.of("grant_type", "refresh_token", "refresh_token", "unknown",
                "client_id", "ticketbridge-demo", "client_secret", "ticketbridge-demo-secret"))
                .post("/oauth_token.do").then().statusCode(400);
        given().queryParam("method", "POST").queryParam("path", "/oauth_token.do")
                .queryParam("grant_type", "refresh_token")
                .get("/emulator/admin/requests/count").then().body("count", equalTo(1));
    }

    @Test
    void agentMovesATicketThroughStatesWithoutDataPolicies() {
        String sysId = newIncident(Map.of("short_description", "x"));
        given().contentType(ContentType.JSON).body(Map.of("state", "6"))
                .post("/emulator/admin/tables/incident/" + sysId + "/state").then().statusCode(200)
                .body("state", equalTo("6"))
                .body("close_code", equalTo("Solution provided"))
                .body("sys_updated_by", equalTo("beth.anglin"));
        String change = newChange(Map.of("short_description", "y"));
        given().contentType(ContentType.JSON).body(Map.of("state", "3"))
                .post("/emulator/admin/tables/change_request/" + change + "/state").then().body("state", equalTo("3"));
        asIntegrationUser().queryParam("sysparm_query", "sys_updated_by=beth.anglin")
                .get("/api/now/table/incident").then().header("X-Total-Count", "1");
    }

    @Test
    void agentPatchAddsWorkNotesAsTheAgent() {
        String sysId = newIncident(Map.of("short_description", "x"));
        given().contentType(ContentType.JSON).body(Map.of("work_notes", "Looking into it"))
                .patch("/emulator/admin/tables/incident/" + sysId).then().statusCode(200)
                .body("sys_mod_count", equalTo("1"));
        asIntegrationUser().queryParam("sysparm_display_value", "true").get("/api/now/table/incident/" + sysId)
                .then().body("result.work_notes", containsString("Beth Anglin (Work notes)"));
    }

    @Test
    void adminListsRecordsByQuery() {
        newIncident(Map.of("short_description", "a", "correlation_id", "share-1"));
        given().queryParam("query", "correlation_id=share-1").get("/emulator/admin/tables/incident").then()
                .body("size()", equalTo(1)).body("[0].short_description", equalTo("a"));
    }

    @Test
    void agentPageListsTicketsAndMovesThemByForm() {
        String sysId = newIncident(Map.of("short_description", "Rotate keys"));
        given().get("/emulator/ui").then().statusCode(200).body(containsString("Rotate keys"));
        given().redirects().follow(false).formParams(Map.of("table", "incident", "sys_id", sysId, "state", "2"))
                .post("/emulator/ui/state").then().statusCode(303);
        asIntegrationUser().get("/api/now/table/incident/" + sysId).then().body("result.state", equalTo("2"));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
