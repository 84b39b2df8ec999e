package dev.ticketbridge.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ShareValidationTest {

    private static final String ADMIN = Tokens.admin("tenant-validation");

    private static void rejected(Map<String, Object> form, String field) {
        GatewayApi.share(ADMIN, form).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> form = GatewayApi.shareForm();
        form.put(field, value);
        return form;
    }

    @ParameterizedTest(name = "missing {0} is rejected")
    @CsvSource({"ticketType", "actionId", "taskName", "description", "priority", "dueDate", "recommendationSource",
            "category"})
    void missingRequiredFieldIsRejectedNamingIt(String field) {
        Map<String, Object> form = GatewayApi.shareForm();
        form.remove(field);
        rejected(form, field);
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({"ticketType,PROBLEM", "priority,URGENT", "recommendationSource,PARTNER", "category,Network",
            "changeType,WHENEVER", "dueDate,next-tuesday"})
    void valueOutsideItsSetIsRejectedNamingTheField(String field, String value) {
        rejected(with(field, value), field);
    }

    @Test
    void taskNameOver160CharactersIsRejected() {
        rejected(with("taskName", "x".repeat(161)), "taskName");
        GatewayApi.share(ADMIN, with("taskName", "x".repeat(160))).then().statusCode(202);
    }

    @Test
    void blankTaskNameIsRejected() {
        rejected(with("taskName", "   "), "taskName");
    }

    @Test
    void descriptionOver4000CharactersIsRejected() {
        rejected(with("description", "d".repeat(4001)), "description");
        GatewayApi.share(ADMIN, with("description", "d".repeat(4000))).then().statusCode(202);
    }

    @Test
    void dueDateInThePastIsRejected() {
        rejected(with("dueDate", LocalDate.now().minusDays(2).toString()), "dueDate");
    }

    @Test
    void dueDateMoreThanTenYearsAheadIsRejected() {
        rejected(with("dueDate", LocalDate.now().plusYears(11).toString()), "dueDate");
        rejected(with("dueDate", "+999999999-12-31"), "dueDate");
    }

    @Test
    void controlCharactersAreRejectedButLineBreaksInTheDescriptionAreKept() {
        rejected(with("taskName", "Enable\u0000MFA"), "taskName");
        rejected(with("description", "Step one\u0007"), "description");
        GatewayApi.share(ADMIN, with("description", "Step one\nStep two\tdone")).then().statusCode(202);
    }

    @Test
    void unknownImprovementActionIsRejected() {
        rejected(with("actionId", "no_such_action"), "actionId");
    }

    @Test
    void changeTypeOnAnIncidentIsRejected() {
        Map<String, Object> form = with("ticketType", "INCIDENT");
        form.put("changeType", "STANDARD");
        rejected(form, "changeType");
    }

    @Test
    void changeTypeIsOptionalForChangeRequests() {
        GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202);
        GatewayApi.share(ADMIN, with("changeType", "EMERGENCY")).then().statusCode(202)
                .body("changeType", equalTo("EMERGENCY"));
    }

    @Test
    void bodyThatIsNotJsonIsAProblemNotAnError() {
        GatewayApi.as(ADMIN).contentType(ContentType.JSON).body("{not json").post("/api/v1/shares").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingBodyIsRejected() {
        GatewayApi.as(ADMIN).contentType(ContentType.JSON).post("/api/v1/shares").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overlongIdempotencyKeyIsRejected() {
        GatewayApi.as(ADMIN).header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON)
                .body(GatewayApi.shareForm()).post("/api/v1/shares").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
    }
}
