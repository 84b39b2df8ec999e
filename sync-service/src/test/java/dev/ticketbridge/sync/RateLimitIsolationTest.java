package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.sync.fixtures.Emulator;
import dev.ticketbridge.sync.fixtures.Events;
import dev.ticketbridge.sync.fixtures.Tracking;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two ServiceNow instances: one answers 429 to everything, the other must not notice. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RateLimitIsolationTest {

    @Test
    void rateLimitedInstanceDoesNotDelayAnotherAndResumesAfterItsRetryAfter() {
        try (Emulator limited = Emulator.start(); Emulator healthy = Emulator.start()) {
            String limitedTenant = "tenant-429-" + UUID.randomUUID();
            String healthyTenant = "tenant-ok-" + UUID.randomUUID();
            Tracking.connect(Events.connected(limitedTenant, limited));
            Tracking.connect(Events.connected(healthyTenant, healthy));
            TicketCreated slow = Tracking.track(limitedTenant, limited, TicketType.INCIDENT, 1).get(0);
            TicketCreated fast = Tracking.track(healthyTenant, healthy, TicketType.INCIDENT, 1).get(0);
            Tracking.awaitCycle(limitedTenant);
            Tracking.awaitCycle(healthyTenant);

            limited.limitTableApi(0, Duration.ofSeconds(8));
            limited.agentSetsState("incident", slow.sysId(), "2");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/sync/v1/tenants/{tenant}/health", limitedTenant)
                            .then().statusCode(200).body("lastError", containsString("rate limited")));
            healthy.agentSetsState("incident", fast.sysId(), "2");

            TicketUpdated healthyUpdate = Events.updatesOf(healthyTenant, u -> !u.isEmpty(), Duration.ofSeconds(6)).get(0);
            assertThat(healthyUpdate.sysId()).isEqualTo(fast.sysId());
            List<TicketUpdated> limitedSoFar = Events.updatesOf(limitedTenant, u -> true, Duration.ofSeconds(5));
            assertThat(limitedSoFar).isEmpty();

            limited.removeRateLimits();
            TicketUpdated limitedUpdate = Events.updatesOf(limitedTenant, u -> !u.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(limitedUpdate.sysId()).isEqualTo(slow.sysId());
        }
    }
}
