package dev.ticketbridge.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Calls the gateway API as a given user; builds valid share forms to vary. */
public final class GatewayApi {

    /** An improvement action of the shipped sample catalog. */
    public static final String ACTION_ID = "aad_admin_consent_workflow";

    private GatewayApi() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).accept(ContentType.JSON);
    }

    /** A valid share form; change entries to make it invalid. */
    public static Map<String, Object> shareForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("ticketType", "CHANGE_REQUEST");
        form.put("actionId", ACTION_ID);
        form.put("taskName", "Enable the admin consent workflow");
        form.put("description", "Users can request admin consent to apps they cannot consent to.");
        form.put("priority", "HIGH");
        form.put("dueDate", LocalDate.now().plusDays(14).toString());
        form.put("recommendationSource", "MICROSOFT");
        form.put("category", "Apps");
        return form;
    }

    public static Response share(String token, Map<String, Object> form) {
        return as(token).contentType(ContentType.JSON).body(form).post("/api/v1/shares");
    }
}
