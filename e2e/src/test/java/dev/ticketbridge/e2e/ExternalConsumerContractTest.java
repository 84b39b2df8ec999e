package dev.ticketbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.EventType;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Another security tool, reading the topics with a plain Kafka consumer, finds every message valid against the
 * published contract: CloudEvents headers and a payload that its JSON Schema accepts.
 */
class ExternalConsumerContractTest {

    @Test
    void everyMessageOnEveryTopicMatchesTheContract() throws IOException {
        Gateway admin = Gateway.as(Identity.ADMIN);
        if (!"CONNECTED".equals(admin.get("/api/v1/connection").body().path("status").asText())) {
            Journeys.connect(admin);
        }
        Journeys.awaitCreated(admin, Journeys.share(admin, "INCIDENT", "Contract check " + UUID.randomUUID()));

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String topic : List.of(Topics.SHARE_REQUESTS, Topics.TICKET_EVENTS, Topics.CONNECTION_EVENTS)) {
            List<KafkaTestClient.Received> records = KafkaTestClient.readUntil(topic, all -> !all.isEmpty(),
                    Duration.ofSeconds(30));
            for (KafkaTestClient.Received record : records) {
                checked++;
                problems.addAll(check(record));
            }
        }
        assertThat(checked).as("messages read").isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }

    private static List<String> check(KafkaTestClient.Received record) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String header : List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type")) {
            if (!record.headers().containsKey(header)) {
                problems.add(record.topic() + ": missing header " + header);
            }
        }
        EventType type = EventType.ofCeType(record.headers().getOrDefault("ce_type", "")).orElse(null);
        if (type == null) {
            problems.add(record.topic() + ": unknown ce_type " + record.headers().get("ce_type"));
            return problems;
        }
        if (!type.topic().equals(record.topic())) {
            problems.add(type + " found on " + record.topic());
        }
        JsonNode payload = Gateway.JSON.readTree(record.value());
        if (!payload.path("eventId").asText().equals(record.headers().get("ce_id"))) {
            problems.add(type + ": ce_id differs from eventId");
        }
        schema(type).validate(payload).forEach(message -> problems.add(type + ": " + message.getMessage()));
        return problems;
    }

    private static JsonSchema schema(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("/schemas/" + type.schemaName() + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

}
