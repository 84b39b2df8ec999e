package dev.ticketbridge.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class ImprovementActionTest {

    private static final String READER = Tokens.reader("tenant-catalog");

    @Test
    void catalogHoldsTheShippedSampleInPages() {
        GatewayApi.as(READER).queryParam("size", 20).get("/api/v1/improvement-actions").then().statusCode(200)
                .body("total", equalTo(205)).body("items.size()", equalTo(20)).body("page", equalTo(0));
    }

    @Test
    void everyCategoryCanBeFiltered() {
        for (String category : List.of("Devices", "Data", "Apps", "Identity", "Infrastructure")) {
            GatewayApi.as(READER).queryParam("category", category).get("/api/v1/improvement-actions").then()
                    .statusCode(200).body("total", greaterThan(0)).body("items.category", everyItem(equalTo(category)));
        }
    }

    @Test
    void filtersByServiceAndTextAndSortsByMaxScore() {
        GatewayApi.as(READER).queryParam("service", "azuread").get("/api/v1/improvement-actions").then()
                .body("items.service", everyItem(equalTo("AzureAD")));
        GatewayApi.as(READER).queryParam("text", "consent workflow").get("/api/v1/improvement-actions").then()
                .body("items.id", hasItem("aad_admin_consent_workflow"));
        List<Float> scores = GatewayApi.as(READER).queryParam("sort", "maxScore").queryParam("size", 200)
                .get("/api/v1/improvement-actions").then().extract().path("items.maxScore");
        for (int i = 1; i < scores.size(); i++) {
            org.assertj.core.api.Assertions.assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
        }
    }

    @Test
    void detailCarriesSanitisedRemediationHtml() {
        GatewayApi.as(READER).get("/api/v1/improvement-actions/aad_admin_consent_workflow").then().statusCode(200)
                .body("title", equalTo("Ensure the admin consent workflow is enabled"))
                .body("remediation", containsString("<li>")).body("remediation", not(containsString("<script")))
                .body("maxScore", equalTo(5.0f));
    }

    @Test
    void unknownActionIsNotFound() {
        GatewayApi.as(READER).get("/api/v1/improvement-actions/no_such_thing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownCategoryOrSortIsAProblemNamingTheParameter() {
        GatewayApi.as(READER).queryParam("category", "Network").get("/api/v1/improvement-actions").then()
                .statusCode(400).body("errors.field", hasItem("category"));
        GatewayApi.as(READER).queryParam("sort", "random").get("/api/v1/improvement-actions").then()
                .statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void apiIsDocumentedWithOpenApi() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/v1/improvement-actions",
                        "/api/v1/improvement-actions/{id}", "/api/v1/shares", "/api/v1/shares/{id}", "/api/v1/tickets",
                        "/api/v1/tickets/summary", "/api/v1/audit", "/api/v1/me", "/api/v1/connection",
                        "/api/v1/connection/authorization", "/api/v1/connection/check", "/api/v1/connection/state-names",
                        "/api/v1/servicenow/oauth/callback"));
    }
}
