package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.ticketbridge.contracts.SampleEvents;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.EventType;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.kafka.CloudEventHeaders;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.support.Shares;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unreadable share requests go to the dead-letter topic with the reason; a replay never duplicates a record. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class DeadLetterTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @Inject
    MeterRegistry meters;

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithTheReason() {
        String key = "tenant-poison-" + UUID.randomUUID();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        KafkaTestClient.send(Topics.SHARE_REQUESTS, key, Map.of(CloudEventHeaders.TYPE,
                EventType.SHARE_REQUESTED.ceType(), CloudEventHeaders.ID, UUID.randomUUID().toString()), garbage);

        KafkaTestClient.Received letter = deadLetter(key);

        assertThat(letter.headers().get("dlq-reason")).startsWith("unreadable ShareRequested");
        assertThat(letter.value()).isEqualTo(garbage);
    }

    @Test
    void deadLetterTopicSizeIsAGauge() {
        double before = meters.get("ticketbridge.dlq.size").gauge().value();
        String key = "tenant-poison-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.SHARE_REQUESTS, key, Map.of(), "garbage".getBytes(StandardCharsets.UTF_8));
        deadLetter(key);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.get("ticketbridge.dlq.size").gauge().value()).isGreaterThanOrEqualTo(before + 1));
    }

    @Test
    void recordOfAnotherEventTypeIsDeadLettered() {
        String key = "tenant-wrong-type-" + UUID.randomUUID();
        EventCodec.Encoded wrong = EventCodec.encode(SampleEvents.ticketCreated(key, UUID.randomUUID()), "/test");
        KafkaTestClient.send(Topics.SHARE_REQUESTS, key, wrong.headers(), wrong.payload());

        assertThat(deadLetter(key).headers().get("dlq-reason"))
                .isEqualTo("expected ShareRequested on ticketing.share-requests, got TicketCreated");
    }

    @Test
    void replayingDeadLettersCreatesEachShareOnceHoweverOftenItRuns() {
        ShareRequested share = Shares.change("tenant-replay").build();
        deadLetteredByAProcessingFailure(share);

        replay().body("registered", greaterThanOrEqualTo(1));
        awaitCreated(share.shareId());
        replay().body("registered", equalTo(0));
        KafkaTestClient.publish(Shares.redelivered(share));
        ShareRequested marker = Shares.change("tenant-replay").build();
        KafkaTestClient.publish(marker);
        awaitCreated(marker.shareId());

        assertThat(records(share)).hasSize(1);
    }

    @Test
    void replayCountsWhatIsStillUnreadable() {
        String key = "tenant-poison-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.SHARE_REQUESTS, key, Map.of(), "garbage".getBytes(StandardCharsets.UTF_8));
        deadLetter(key);

        JsonPath report = replay().extract().jsonPath();

        assertThat(report.getInt("unreadable")).isPositive();
        assertThat(report.getInt("read")).isEqualTo(report.getInt("registered") + report.getInt("alreadyKnown")
                + report.getInt("unreadable"));
    }

    @Test
    void replayIsRefusedWithoutTheAdminKey() {
        given().header("X-Admin-Key", "wrong").when().post("/admin/dead-letters/replay")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/admin/dead-letters/replay").then().statusCode(403);
    }

    private static ValidatableResponse replay() {
        return given().header("X-Admin-Key", ADMIN_KEY).when().post("/admin/dead-letters/replay")
                .then().statusCode(200);
    }

    /** What SmallRye's dead-letter strategy writes when taking a readable share in failed (e.g. database down). */
    private static void deadLetteredByAProcessingFailure(ShareRequested share) {
        EventCodec.Encoded encoded = EventCodec.encode(share, "/test");
        Map<String, String> headers = new LinkedHashMap<>(encoded.headers());
        headers.put("dead-letter-reason", "Unable to acquire JDBC Connection");
        KafkaTestClient.send(Topics.SHARE_REQUESTS_DLQ, encoded.key(), headers, encoded.payload());
    }

    private static KafkaTestClient.Received deadLetter(String key) {
        List<KafkaTestClient.Received> read = KafkaTestClient.readUntil(Topics.SHARE_REQUESTS_DLQ,
                all -> all.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        return read.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
}
