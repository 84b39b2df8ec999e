package dev.ticketbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ticketbridge.contracts.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void describesEveryTopicOfTheContract() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(Topics.SHARE_REQUESTS, Topics.SHARE_REQUESTS_DLQ,
                Topics.TICKET_EVENTS, Topics.CONNECTION_EVENTS);
    }

    @Test
    void connectionEventsTopicIsCompacted() {
        JsonNode cleanup = doc.at("/channels/connectionEvents/bindings/kafka/topicConfiguration/cleanup.policy");
        assertThat(cleanup.get(0).asText()).isEqualTo("compact");
    }

    @Test
    void everySchemaIsReferencedWithItsCloudEventsType() {
        JsonNode messages = doc.at("/components/messages");
        for (EventType type : EventType.values()) {
            JsonNode message = messages.path(type.schemaName());
            assertThat(message.path("payload").path("$ref").asText())
                    .isEqualTo("./schemas/" + type.schemaName() + ".schema.json");
            assertThat(message.path("x-ce-type").asText()).isEqualTo(type.ceType());
            assertThat(AsyncApiDocumentTest.class.getResource("/schemas/" + type.schemaName() + ".schema.json")).isNotNull();
        }
    }

    @Test
    void everyMessageOnAChannelIsOnTheTopicItsEventTypeNames() {
        doc.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            String name = ref.path("$ref").asText().replace("#/components/messages/", "");
            EventType type = EventType.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
            String address = channel.path("address").asText();
            assertThat(address.equals(type.topic()) || address.equals(Topics.SHARE_REQUESTS_DLQ))
                    .as("%s on %s", name, address).isTrue();
        }));
    }

    @Test
    void headersDeclareTheCloudEventsAttributes() {
        JsonNode properties = doc.at("/components/schemas/CloudEventHeaders/properties");
        for (String header : List.of("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type")) {
            assertThat(properties.has(header)).as(header).isTrue();
        }
    }
}
