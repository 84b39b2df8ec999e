package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    private static String addRule(Map<String, ?> rule) {
        return given().contentType(ContentType.JSON).body(rule).post("/emulator/admin/rate-limits")
                .then().statusCode(201).extract().path("sysId");
    }

    @Test
    void matchedRuleHeadersAccompanyNormalResponses() {
        String rule = addRule(Map.of("limit_per_hour", 5));
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200)
                .header("X-RateLimit-Limit", "5")
                .header("X-RateLimit-Rule", rule)
                .header("X-RateLimit-Reset", notNullValue())
                .header("Retry-After", nullValue());
    }

    @Test
    void requestsOverTheLimitGet429WithRetryAfterAndTheServiceNowBody() {
        addRule(Map.of("limit_per_hour", 2, "method", "GET", "table", "incident"));
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200);
        Response limited = asIntegrationUser().get("/api/now/table/incident");
        limited.then().statusCode(429)
                .body("error.message", equalTo("Rate limit exceeded"))
                .body("error.detail", equalTo("Rate limit of 2 requests per hour for Table API exceeded"))
                .body("status", equalTo("failure"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(Long.parseLong(limited.header("X-RateLimit-Reset")) * 1000)
                .isGreaterThan(System.currentTimeMillis());
        asIntegrationUser().get("/api/now/table/change_request").then().statusCode(200);
    }

    @Test
    void ruleForASingleUserCountsOnlyThatUser() {
        addRule(Map.of("limit_per_hour", 1, "user", "abel.tuter"));
        given().auth().preemptive().basic("abel.tuter", "Abel-Demo-1").get("/api/now/table/incident")
                .then().statusCode(200);
        given().auth().preemptive().basic("abel.tuter", "Abel-Demo-1").get("/api/now/table/incident")
                .then().statusCode(429);
        asIntegrationUser().get("/api/now/table/incident").then().statusCode(200)
                .header("X-RateLimit-Limit", nullValue());
    }

    @Test
    void concurrencyCapAnswers429WithoutRateLimitHeaders() {
        given().contentType(ContentType.JSON).body(Map.of("max", 1)).put("/emulator/admin/faults/concurrency-cap")
                .then().statusCode(200);
        Emulator.fault("hang", Map.of("ms", 3000, "path_prefix", "/api/now/table/change_request"));
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(
                () -> asIntegrationUser().get("/api/now/table/change_request").statusCode());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response rejected = asIntegrationUser().get("/api/now/table/incident");
            assertThat(rejected.statusCode()).isEqualTo(429);
            assertThat(rejected.header("Retry-After")).isNull();
            assertThat(rejected.header("X-RateLimit-Limit")).isNull();
        });
        assertThat(held.join()).isEqualTo(200);
    }
}
