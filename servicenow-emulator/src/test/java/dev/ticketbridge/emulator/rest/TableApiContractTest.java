package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static dev.ticketbridge.emulator.Emulator.newIncident;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TableApiContractTest {

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void postReturns201WithLocationOfTheNewRecord() {
        String sysId = asIntegrationUser().body(Map.of("short_description", "Enable MFA"))
                .post("/api/now/table/incident")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("result.number", equalTo("INC0010001"))
                .body("result.sys_id", matchesPattern("[0-9a-f]{32}"))
                .extract().path("result.sys_id");
        asIntegrationUser().get("/api/now/table/incident/" + sysId)
                .then().statusCode(200).body("result.short_description", equalTo("Enable MFA"));
    }

    @Test
    void locationHeaderEndsWithTheSysId() {
        var response = asIntegrationUser().body(Map.of("short_description", "x")).post("/api/now/v2/table/incident");
        String sysId = response.path("result.sys_id");
        org.assertj.core.api.Assertions.assertThat(response.header("Location"))
                .endsWith("/api/now/table/incident/" + sysId);
    }

    @Test
    void allValuesAreStringsAndReferencesAreLinkValuePairs() {
        String sysId = newIncident(Map.of("short_description", "x", "impact", 2, "urgency", 2));
        asIntegrationUser().get("/api/now/table/incident/" + sysId).then()
                .body("result.impact", equalTo("2"))
                .body("result.priority", equalTo("3"))
                .body("result.active", equalTo("true"))
                .body("result.sys_mod_count", equalTo("0"))
                .body("result.opened_by.value", matchesPattern("[0-9a-f]{32}"))
                .body("result.opened_by.link", matchesPattern("http.*/api/now/table/sys_user/[0-9a-f]{32}"))
                .body("result.sys_created_by", equalTo("ticketbridge.integration"))
                .body("result.sys_created_on", matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
    }

    @Test
    void displayValueAllGivesDisplayAndValueForEveryField() {
        String sysId = newIncident(Map.of("short_description", "x", "state", "1"));
        asIntegrationUser().queryParam("sysparm_display_value", "all")
                .get("/api/now/table/incident/" + sysId).then()
                .body("result.state.value", equalTo("1"))
                .body("result.state.display_value", equalTo("New"))
                .body("result.sys_id.value", equalTo(sysId))
                .body("result.opened_by.display_value", equalTo("Ticketbridge Integration"));
    }

    @Test
    void displayValueTrueGivesLabelsAndReferenceNames() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().queryParam("sysparm_display_value", "true")
                .get("/api/now/table/incident/" + sysId).then()
                .body("result.state", equalTo("New"))
                .body("result.priority", equalTo("5 - Planning"))
                .body("result.opened_by.display_value", equalTo("Ticketbridge Integration"));
    }

    @Test
    void excludeReferenceLinkGivesPlainReferenceValues() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().queryParam("sysparm_exclude_reference_link", "true")
                .get("/api/now/table/incident/" + sysId).then()
                .body("result.opened_by", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void sysparmFieldsLimitsTheFieldsReturnedAndIgnoresUnknownNames() {
        newIncident(Map.of("short_description", "x"));
        asIntegrationUser().queryParam("sysparm_fields", "number,state,bogus")
                .get("/api/now/table/incident").then()
                .body("result[0].number", equalTo("INC0010001"))
                .body("result[0]", not(hasKey("short_description")))
                .body("result[0]", not(hasKey("bogus")));
    }

    @Test
    void patchReturns200WithTheFullUpdatedRecord() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().body(Map.of("state", "2", "unknown_field", "ignored"))
                .patch("/api/now/table/incident/" + sysId)
                .then().statusCode(200)
                .body("result.state", equalTo("2"))
                .body("result.short_description", equalTo("x"))
                .body("result.sys_mod_count", equalTo("1"))
                .body("result", not(hasKey("unknown_field")));
    }

    @Test
    void putUpdatesLikePatchAndReturnsTheFullRecord() {
        String sysId = newIncident(Map.of("short_description", "x", "description", "keep"));
        asIntegrationUser().body(Map.of("short_description", "y"))
                .put("/api/now/v2/table/incident/" + sysId)
                .then().statusCode(200)
                .body("result.short_description", equalTo("y"))
                .body("result.description", equalTo("keep"));
    }

    @Test
    void deleteReturns204WithoutBody() {
        String sysId = newIncident(Map.of("short_description", "x"));
        asIntegrationUser().delete("/api/now/table/incident/" + sysId).then().statusCode(204).body(equalTo(""));
        asIntegrationUser().get("/api/now/table/incident/" + sysId).then().statusCode(404);
    }

    @Test
    void getOfUnknownSysIdReturns404NoRecordFound() {
        asIntegrationUser().get("/api/now/table/incident/0123456789abcdef0123456789abcdef").then()
                .statusCode(404)
                .body("error.message", equalTo("No Record found"))
                .body("error.detail", equalTo("Record doesn't exist or ACL restricts the record retrieval"))
                .body("status", equalTo("failure"));
    }

    @Test
    void emptyListIs404OnV1And200EmptyOnV2AndUnversioned() {
        asIntegrationUser().queryParam("sysparm_query", "state=7").get("/api/now/v1/table/incident")
                .then().statusCode(404).body("error.message", equalTo("No Record found"));
        asIntegrationUser().queryParam("sysparm_query", "state=7").get("/api/now/v2/table/incident")
                .then().statusCode(200).body("result.size()", equalTo(0));
        asIntegrationUser().queryParam("sysparm_query", "state=7").get("/api/now/table/incident")
                .then().statusCode(200).body("result.size()", equalTo(0));
    }

    @Test
    void arrayBodyInsertsOnlyTheFirstRecord() {
        asIntegrationUser().body("[{\"short_description\":\"first\"},{\"short_description\":\"second\"}]")
                .post("/api/now/table/incident").then().statusCode(201)
                .body("result.short_description", equalTo("first"));
        asIntegrationUser().get("/api/now/table/incident").then().header("X-Total-Count", "1");
    }

    @Test
    void invalidJsonIsRefusedWithServiceNowsEnvelope() {
        asIntegrationUser().body("{not json").post("/api/now/table/incident").then().statusCode(400)
                .body("error.message", equalTo("Exception while reading request"))
                .body("error.detail", equalTo("The payload is not valid JSON."))
                .body("status", equalTo("failure"));
    }

    @Test
    void unknownTableAndUnknownPathAnswerWithTheErrorEnvelope() {
        asIntegrationUser().get("/api/now/table/sys_nonexistent").then().statusCode(400)
                .body("error.message", equalTo("Invalid table sys_nonexistent"));
        asIntegrationUser().get("/api/now/nothing/here").then().statusCode(400)
                .body("status", equalTo("failure"));
    }

    @Test
    void unsupportedMethodAnswersWithTheErrorEnvelope() {
        asIntegrationUser().body("{}").post("/api/now/table/incident/0123456789abcdef0123456789abcdef").then()
                .statusCode(405).body("status", equalTo("failure"));
    }

    @Test
    void nameValueParametersFilterLikeAnEncodedQuery() {
        newIncident(Map.of("short_description", "a", "correlation_id", "share-1"));
        newIncident(Map.of("short_description", "b", "correlation_id", "share-2"));
        asIntegrationUser().queryParam("correlation_id", "share-2").get("/api/now/table/incident").then()
                .body("result.size()", equalTo(1)).body("result[0].short_description", equalTo("b"));
    }

    @Test
    void sysChoiceListsTheStateLabelsOfBothTables() {
        asIntegrationUser().queryParam("sysparm_query", "name=change_request^element=state^value=-5")
                .get("/api/now/table/sys_choice").then()
                .body("result[0].label", equalTo("New"))
                .body("result[0].language", equalTo("en"))
                .body("result[0].inactive", equalTo("false"));
        asIntegrationUser().queryParam("sysparm_query", "name=incident^element=state")
                .get("/api/now/table/sys_choice").then().header("X-Total-Count", "6");
    }

    @Test
    void unauthenticatedRequestsGet401UserNotAuthenticated() {
        given().get("/api/now/table/incident").then().statusCode(401)
                .body("error.message", equalTo("User Not Authenticated"))
                .body("error.detail", equalTo("Required to provide Auth information"));
        given().auth().preemptive().basic("abel.tuter", "wrong").get("/api/now/table/incident")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/now/table/incident")
                .then().statusCode(401);
    }
}
