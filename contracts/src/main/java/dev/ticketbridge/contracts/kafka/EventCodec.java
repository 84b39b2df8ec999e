package dev.ticketbridge.contracts.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ticketbridge.contracts.events.EventType;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON mapping of Ticketbridge events, shared by every service and by the Kafka serde.
 * Readers ignore fields they do not know (forward compatibility); a missing required field fails with its name.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventCodec() {
    }

    /** An event ready for Kafka: topic, key, CloudEvents headers and JSON payload. */
    public record Encoded(String topic, String key, Map<String, String> headers, byte[] payload) {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toJson(TicketbridgeEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Encodes an event in CloudEvents binary mode; {@code source} names the producing service (a URI reference). */
    public static Encoded encode(TicketbridgeEvent event, String source) {
        EventType type = EventType.of(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, event.eventId().toString());
        headers.put(CloudEventHeaders.TYPE, type.ceType());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.SUBJECT, event.key());
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new Encoded(type.topic(), event.key(), headers, toJson(event));
    }

    /** Decodes a record using its {@code ce_type} header to choose the event type. */
    public static TicketbridgeEvent decode(Map<String, String> headers, byte[] payload) {
        String ceType = headers.get(CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw new EventDecodingException("record has no " + CloudEventHeaders.TYPE + " header");
        }
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(() -> new EventDecodingException("unknown event type '" + ceType + "'"));
        return decode(payload, type.javaType());
    }

    public static <T> T decode(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            throw new EventDecodingException("empty payload for " + type.getSimpleName());
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EventDecodingException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new EventDecodingException("unreadable " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
