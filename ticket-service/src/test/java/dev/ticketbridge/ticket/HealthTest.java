package dev.ticketbridge.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without connection-service (a closed port in this profile) the service is alive but not ready. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    static final String CHECK = "checks.find { it.name == 'connection-service reachable' }";

    @Test
    void unreachableConnectionServiceMakesTheServiceNotReady() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.url", equalTo("http://127.0.0.1:1/q/health/live"));
        given().when().get("/q/health/group/dependencies").then().statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"));
    }

    @Test
    void livenessDoesNotDependOnConnectionService() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
