package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant {@code tenant-push} is polled once an hour in the test configuration, so only a pushed notification can
 * bring its change in within seconds.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushNotificationTest {

    private static final String TENANT = "tenant-push";
    private static final String SECRET = PushSignature.deriveSecret("test-only-push-signing-key", TENANT);

    private final Emulator emulator = Emulator.shared();
    private List<TicketCreated> tickets;

    @BeforeAll
    void trackTickets() {
        tickets = Tracking.track(TENANT, emulator, TicketType.INCIDENT, 2);
        Instant beforeConnecting = Instant.now();
        Tracking.connect(Events.connected(TENANT, emulator));
        Tracking.awaitCycleAfter(TENANT, beforeConnecting);
    }

    @Test
    void signedNotificationFetchesTheRecordAtOnce() {
        TicketCreated ticket = tickets.get(0);
        emulator.agentSetsState("incident", ticket.sysId(), "2");
        long before = emulator.requests("GET", "/api/now/table/incident");

        String body = "{\"table\":\"incident\",\"sys_id\":\"" + ticket.sysId() + "\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        given().contentType("application/json")
                .header("X-Ticketbridge-Timestamp", timestamp)
                .header("X-Ticketbridge-Signature", PushSignature.sign(SECRET, timestamp, body))
                .body(body)
                .when().post("/sync/v1/tenants/{tenant}/notifications", TENANT)
                .then().statusCode(202).body("tracked", equalTo(true));

        TicketUpdated update = Events.updatesOf(TENANT, u -> u.stream().anyMatch(e -> e.sysId().equals(ticket.sysId())),
                Duration.ofSeconds(10)).get(0);
        assertThat(update.state().code()).isEqualTo("2");
        assertThat(emulator.requests("GET", "/api/now/table/incident")).isGreaterThan(before);
    }

    @Test
    void badlySignedNotificationIsRefusedAndFetchesNothing() {
        TicketCreated ticket = tickets.get(1);
        String body = "{\"table\":\"incident\",\"sys_id\":\"" + ticket.sysId() + "\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String forged = PushSignature.sign(PushSignature.deriveSecret("another-key", TENANT), timestamp, body);

        given().contentType("application/json")
                .header("X-Ticketbridge-Timestamp", timestamp)
                .header("X-Ticketbridge-Signature", forged)
                .body(body)
                .when().post("/sync/v1/tenants/{tenant}/notifications", TENANT)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("signature"))
                .body(not(containsString(SECRET)));
        given().contentType("application/json").body(body)
                .when().post("/sync/v1/tenants/{tenant}/notifications", TENANT)
                .then().statusCode(401);
    }

    @Test
    void replayedOldNotificationIsRefused() {
        String body = "{\"table\":\"incident\",\"sys_id\":\"" + tickets.get(1).sysId() + "\"}";
        String old = Long.toString(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
        given().contentType("application/json")
                .header("X-Ticketbridge-Timestamp", old)
                .header("X-Ticketbridge-Signature", PushSignature.sign(SECRET, old, body))
                .body(body)
                .when().post("/sync/v1/tenants/{tenant}/notifications", TENANT)
                .then().statusCode(401);
    }

    @Test
    void signedNotificationNamingAnUnknownTableIsABadRequestNamingTheField() {
        String body = "{\"table\":\"problem\",\"sys_id\":\"" + tickets.get(1).sysId() + "\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        given().contentType("application/json")
                .header("X-Ticketbridge-Timestamp", timestamp)
                .header("X-Ticketbridge-Signature", PushSignature.sign(SECRET, timestamp, body))
                .body(body)
                .when().post("/sync/v1/tenants/{tenant}/notifications", TENANT)
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("table"));
    }
}
