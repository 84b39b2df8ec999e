package dev.ticketbridge.ticket.client;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.kafka.CloudEventHeaders;
import dev.ticketbridge.ticket.DeadLetter;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes and reads {@code ticketing.share-requests.dlq}; a write returns only once the broker has the record. */
@ApplicationScoped
public class DeadLetterTopic {

    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> offsetReader;

    public DeadLetterTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void write(DeadLetter letter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SHARE_REQUESTS_DLQ, letter.key(),
                letter.value());
        CloudEventHeaders.write(record.headers(), letter.headers());
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write a dead letter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        }
    }

    /** Every dead letter currently on the topic, from the beginning up to its end when the read started. */
    public List<DeadLetter> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ticket-service-dlq-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SHARE_REQUESTS_DLQ, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(new DeadLetter(record.key(), CloudEventHeaders.read(record.headers()), record.value()));
                    }
                }
            }
        }
        return letters;
    }

    /** Records on the topic now: end minus beginning offset, summed over its partitions (0 while it does not exist). */
    public synchronized long size(Duration timeout) {
        if (offsetReader == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            offsetReader = new KafkaConsumer<>(props);
        }
        List<TopicPartition> partitions = offsetReader.partitionsFor(Topics.SHARE_REQUESTS_DLQ, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        Map<TopicPartition, Long> start = offsetReader.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = offsetReader.endOffsets(partitions, timeout);
        return partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                current = producer;
            }
        }
        return current;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        synchronized (this) {
            if (offsetReader != null) {
                offsetReader.close(Duration.ofSeconds(5));
            }
        }
    }
}
