package dev.ticketbridge.testsupport.kafka;

import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.contracts.kafka.CloudEventHeaders;
import dev.ticketbridge.contracts.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Produces and reads records on the shared test broker the way another service or tool would. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    /** A record as read from a topic, with its headers as text. */
    public record Received(String topic, String key, Map<String, String> headers, byte[] value) {

        public TicketbridgeEvent event() {
            return EventCodec.decode(headers, value);
        }

        public String valueAsText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    /** Publishes an event exactly as the services do (CloudEvents binary mode). */
    public static void publish(TicketbridgeEvent event) {
        EventCodec.Encoded encoded = EventCodec.encode(event, "/ticketbridge/test");
        send(encoded.topic(), encoded.key(), encoded.headers(), encoded.payload());
    }

    /** Sends raw bytes, for example a malformed record. */
    public static void send(String topic, String key, Map<String, String> headers, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            CloudEventHeaders.write(record.headers(), headers);
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a topic from the beginning until {@code until} holds for what was read, or fails after the deadline.
     * Returns everything read.
     */
    public static List<Received> readUntil(String topic, Predicate<List<Received>> until, Duration deadline) {
        List<Received> received = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(deadline).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Received(record.topic(), record.key(), CloudEventHeaders.read(record.headers()),
                            record.value()));
                }
                return until.test(received);
            });
        }
        return new ArrayList<>(received);
    }

    /** Reads a topic until an event matching {@code match} appears; returns it. */
    public static <T extends TicketbridgeEvent> T awaitEvent(String topic, Class<T> type, Predicate<T> match) {
        List<Received> read = readUntil(topic, all -> all.stream().anyMatch(r -> matches(r, type, match)),
                TestKafka.defaultTimeout());
        return read.stream().filter(r -> matches(r, type, match)).map(r -> type.cast(r.event())).findFirst().orElseThrow();
    }

    private static <T extends TicketbridgeEvent> boolean matches(Received record, Class<T> type, Predicate<T> match) {
        try {
            TicketbridgeEvent event = record.event();
            return type.isInstance(event) && match.test(type.cast(event));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
