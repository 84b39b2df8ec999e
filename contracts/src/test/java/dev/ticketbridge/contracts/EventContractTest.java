package dev.ticketbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ticketbridge.contracts.events.EventType;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.contracts.kafka.EventDecodingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    static JsonSchema schemaOf(EventType type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/schemas/" + type.schemaName() + ".schema.json")) {
            assertThat(in).as("schema file for %s", type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyEventSerialisesToJsonThatItsSchemaAccepts() throws IOException {
        for (TicketbridgeEvent event : SampleEvents.oneOfEach()) {
            JsonNode json = JSON.readTree(EventCodec.toJson(event));
            Set<ValidationMessage> errors = schemaOf(EventType.of(event)).validate(json);
            assertThat(errors).as("schema errors for %s", event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void schemaRejectsAnEventMissingARequiredField() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(SampleEvents.shareRequested("tenant-a")));
        json.remove("shareId");
        assertThat(schemaOf(EventType.SHARE_REQUESTED).validate(json))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("shareId"));
    }

    @Test
    void everyEventRoundTripsThroughTheCodec() {
        for (TicketbridgeEvent event : SampleEvents.oneOfEach()) {
            EventCodec.Encoded encoded = EventCodec.encode(event, "/ticketbridge/test");
            assertThat(EventCodec.decode(encoded.headers(), encoded.payload())).isEqualTo(event);
            assertThat(encoded.headers()).containsEntry("ce_id", event.eventId().toString())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_type", EventType.of(event).ceType())
                    .containsEntry("ce_subject", event.key())
                    .containsKey("ce_time");
            assertThat(encoded.topic()).isEqualTo(EventType.of(event).topic());
        }
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() throws IOException {
        ShareRequested event = SampleEvents.shareRequested("tenant-a");
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(event));
        json.put("addedInALaterVersion", "anything");
        ((ObjectNode) json.get("task")).put("estimatedHours", 3);
        assertThat(EventCodec.decode(JSON.writeValueAsBytes(json), ShareRequested.class)).isEqualTo(event);
    }

    @Test
    void payloadMissingARequiredFieldIsRejectedNamingTheField() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(SampleEvents.shareRequested("tenant-a")));
        json.remove("requestedBy");
        assertThatThrownBy(() -> EventCodec.decode(JSON.writeValueAsBytes(json), ShareRequested.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("missing required field 'requestedBy'");
    }

    @Test
    void malformedJsonIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> EventCodec.decode("{not json".getBytes(), ShareRequested.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("unreadable ShareRequested");
    }

    @Test
    void unknownEventTypeIsRejected() {
        assertThatThrownBy(() -> EventCodec.decode(java.util.Map.of("ce_type", "com.example.other"), "{}".getBytes()))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown event type 'com.example.other'");
    }
}
