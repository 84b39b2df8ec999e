package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static dev.ticketbridge.emulator.Emulator.newChange;
import static dev.ticketbridge.emulator.Emulator.newIncident;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketBehaviourTest {

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void numbersIncreasePerTableFromTheDocumentedStart() {
        newIncident(Map.of("short_description", "a"));
        asIntegrationUser().body(Map.of("short_description", "b")).post("/api/now/table/incident")
                .then().body("result.number", equalTo("INC0010002"));
        asIntegrationUser().body(Map.of("short_description", "c")).post("/api/now/table/change_request")
                .then().body("result.number", equalTo("CHG0030001"));
    }

    @Test
    void incidentPriorityIsDerivedFromImpactAndUrgencyAndSentPriorityIsIgnored() {
        String sysId = newIncident(Map.of("short_description", "x", "impact", "1", "urgency", "2",
                "priority", "5"));
        asIntegrationUser().get("/api/now/table/incident/" + sysId).then().body("result.priority", equalTo("2"));
        asIntegrationUser().body(Map.of("urgency", "3")).patch("/api/now/table/incident/" + sysId)
                .then().body("result.priority", equalTo("3"));
    }

    @Test
    void newIncidentDefaultsToNewStateAndPlanningPriority() {
        asIntegrationUser().body(Map.of("short_description", "x")).post("/api/now/table/incident").then()
                .body("result.state", equalTo("1"))
                .body("result.impact", equalTo("3"))
                .body("result.urgency", equalTo("3"))
                .body("result.priority", equalTo("5"));
    }

    @Test
    void changeRequestKeepsASentPriorityAndDefaultsTo4() {
        asIntegrationUser().body(Map.of("short_description", "x", "priority", "2"))
                .post("/api/now/table/change_request").then()
                .body("result.priority", equalTo("2")).body("result.state", equalTo("-5"))
                .body("result.type", equalTo("normal"));
        asIntegrationUser().body(Map.of("short_description", "y")).post("/api/now/table/change_request")
                .then().body("result.priority", equalTo("4"));
    }

    @Test
    void resolvingWithoutResolutionFieldsIsRefusedByDataPolicy() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().body(Map.of("state", "6")).patch("/api/now/table/incident/" + sysId).then()
                .statusCode(403)
                .body("error.message", equalTo("Operation Failed"))
                .body("error.detail", containsString("Data Policy Exception: mandatory: Resolution code"))
                .body("status", equalTo("failure"));
        asIntegrationUser().body(Map.of("state", "6", "close_code", "Solution provided", "close_notes", "Done"))
                .patch("/api/now/table/incident/" + sysId).then().statusCode(200)
                .body("result.state", equalTo("6"))
                .body("result.resolved_at", not(equalTo("")));
    }

    @Test
    void resolutionDataPolicyCanBeSwitchedOff() {
        Emulator.settings(Map.of("require_resolution_fields", false));
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().body(Map.of("state", "7")).patch("/api/now/table/incident/" + sysId).then()
                .statusCode(200).body("result.active", equalTo("false"));
    }

    @Test
    void changeFollowsItsModelAndRefusesSkippingStates() {
        String sysId = newChange(Map.of("short_description", "x", "type", "normal"));
        asIntegrationUser().body(Map.of("state", "-4")).patch("/api/now/table/change_request/" + sysId)
                .then().statusCode(200).body("result.state", equalTo("-4"));
        asIntegrationUser().body(Map.of("state", "3")).patch("/api/now/table/change_request/" + sysId)
                .then().statusCode(403).body("error.detail", containsString("Data Policy Exception"));
        String standard = newChange(Map.of("short_description", "y", "type", "standard"));
        asIntegrationUser().body(Map.of("state", "-2")).patch("/api/now/table/change_request/" + standard)
                .then().statusCode(200).body("result.state", equalTo("-2"));
    }

    @Test
    void journalFieldsAppendAndReadBackEmptyExceptAsDisplayValue() {
        String sysId = newIncident(Map.of("short_description", "x", "comments", "first"));
        asIntegrationUser().body(Map.of("comments", "second")).patch("/api/now/table/incident/" + sysId)
                .then().body("result.comments", equalTo(""));
        asIntegrationUser().queryParam("sysparm_display_value", "true").get("/api/now/table/incident/" + sysId)
                .then().body("result.comments", containsString("Ticketbridge Integration (Additional comments)\nsecond"))
                .body("result.comments", containsString("first"));
    }

    @Test
    void everyUpdateIncrementsModCountAndStampsTheUpdater() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().body(Map.of("state", "2")).patch("/api/now/table/incident/" + sysId);
        asIntegrationUser().body(Map.of("work_notes", "note")).patch("/api/now/table/incident/" + sysId).then()
                .body("result.sys_mod_count", equalTo("2"))
                .body("result.sys_updated_by", equalTo("ticketbridge.integration"));
    }

    @Test
    void aggregateApiCountsAndGroupsRecords() {
        newIncident(Map.of("short_description", "a"));
        newIncident(Map.of("short_description", "b"));
        String third = newIncident(Map.of("short_description", "c"));
        asIntegrationUser().body(Map.of("state", "2")).patch("/api/now/table/incident/" + third);
        asIntegrationUser().queryParam("sysparm_count", "true").get("/api/now/stats/incident").then()
                .statusCode(200).body("result.stats.count", equalTo("3"));
        asIntegrationUser().queryParam("sysparm_count", "true").queryParam("sysparm_group_by", "state")
                .get("/api/now/stats/incident").then()
                .body("result[0].stats.count", equalTo("2"))
                .body("result[0].groupby_fields[0].field", equalTo("state"))
                .body("result[0].groupby_fields[0].value", equalTo("1"))
                .body("result[1].stats.count", equalTo("1"));
        asIntegrationUser().queryParam("sysparm_count", "true").queryParam("sysparm_query", "state=2")
                .get("/api/now/stats/incident").then().body("result.stats.count", equalTo("1"));
    }
}
