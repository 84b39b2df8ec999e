package dev.ticketbridge.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * connection-service's reachability is reported in the dependencies group, not in readiness: with it unreachable (a
 * closed port in this profile) the gateway stays ready for the catalog, shares and tickets.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    static final String CHECK = "checks.find { it.name == 'connection-service reachable' }";

    @Test
    void unreachableConnectionServiceIsReportedButKeepsTheGatewayReady() {
        given().when().get("/q/health/group/dependencies").then().statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.url", equalTo("http://127.0.0.1:1/q/health/live"));
        given().when().get("/q/health/ready").then().statusCode(200).body(CHECK, nullValue());
    }
}
