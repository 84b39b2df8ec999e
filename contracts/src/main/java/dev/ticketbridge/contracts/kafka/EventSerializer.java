package dev.ticketbridge.contracts.kafka;

import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for Ticketbridge events in CloudEvents binary mode. Set {@value #SOURCE_CONFIG} to the
 * producing service's CloudEvents source.
 */
public class EventSerializer implements Serializer<TicketbridgeEvent> {

    public static final String SOURCE_CONFIG = "ticketbridge.cloudevents.source";

    private String source = "/ticketbridge";

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, TicketbridgeEvent event) {
        return event == null ? null : EventCodec.toJson(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, TicketbridgeEvent event) {
        if (event == null) {
            return null;
        }
        EventCodec.Encoded encoded = EventCodec.encode(event, source);
        CloudEventHeaders.write(headers, encoded.headers());
        return encoded.payload();
    }
}
