package dev.ticketbridge.emulator;

import static io.restassured.RestAssured.given;

import dev.ticketbridge.emulator.service.DemoSeed;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Test fixture: requests as the seeded users, tickets, and the admin API. */
public final class Emulator {

    private Emulator() {
    }

    /** A JSON request authenticated (Basic) as the integration user. */
    public static RequestSpecification asIntegrationUser() {
        return given().auth().preemptive().basic(DemoSeed.INTEGRATION_USER, DemoSeed.INTEGRATION_PASSWORD)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static void reset() {
        given().post("/emulator/admin/reset").then().statusCode(204);
    }

    /** Creates an incident through the Table API and returns its sys_id. */
    public static String newIncident(Map<String, ?> fields) {
        return asIntegrationUser().body(fields).post("/api/now/table/incident")
                .then().statusCode(201).extract().path("result.sys_id");
    }

    public static String newChange(Map<String, ?> fields) {
        return asIntegrationUser().body(fields).post("/api/now/table/change_request")
                .then().statusCode(201).extract().path("result.sys_id");
    }

    public static void fault(String name, Map<String, ?> body) {
        given().contentType(ContentType.JSON).body(body).put("/emulator/admin/faults/" + name)
                .then().statusCode(200);
    }

    public static void settings(Map<String, ?> changes) {
        given().contentType(ContentType.JSON).body(changes).put("/emulator/admin/settings").then().statusCode(200);
    }
}
