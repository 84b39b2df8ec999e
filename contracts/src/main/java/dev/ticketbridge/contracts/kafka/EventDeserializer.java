package dev.ticketbridge.contracts.kafka;

import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Ticketbridge events; the {@code ce_type} header picks the record type.
 * Throws {@link EventDecodingException} for anything unreadable so the consumer's failure strategy can route it.
 */
public class EventDeserializer implements Deserializer<TicketbridgeEvent> {

    @Override
    public TicketbridgeEvent deserialize(String topic, byte[] data) {
        throw new EventDecodingException("record on " + topic + " has no headers; a ce_type header is required");
    }

    @Override
    public TicketbridgeEvent deserialize(String topic, Headers headers, byte[] data) {
        return data == null ? null : EventCodec.decode(CloudEventHeaders.read(headers), data);
    }
}
