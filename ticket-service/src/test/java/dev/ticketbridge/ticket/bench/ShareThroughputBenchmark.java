package dev.ticketbridge.ticket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.contracts.kafka.CloudEventHeaders;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.TestKafka;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.client.ServiceNowTableClient;
import dev.ticketbridge.ticket.service.TicketFields;
import dev.ticketbridge.ticket.support.Shares;
import dev.ticketbridge.ticket.support.Tickets;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code mvn test}. N ShareRequested for several tenants through the real broker to the emulator:
 * tickets/s, p50/p99 from publishing the event to reading its TicketCreated, ServiceNow calls per ticket from the
 * emulator's request log, next to the emulator's own create capacity measured in the same run. Run with
 * {@code ./mvnw -pl ticket-service test -Dtest=ShareThroughputBenchmark -Dbench.shares=1000 -Dbench.tenants=5}.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ShareThroughputBenchmark {

    private static final int SHARES = Integer.getInteger("bench.shares", 1000);
    private static final int TENANTS = Integer.getInteger("bench.tenants", 5);
    private static final int CAPACITY_CALLS = Integer.getInteger("bench.capacity-calls", 1000);
    private static final int CAPACITY_THREADS = Integer.getInteger("bench.capacity-threads", 16);

    @Inject
    ServiceNowTableClient servicenow;

    @Test
    void sharesFlowFromTheBrokerToTheEmulator() throws Exception {
        double capacity = emulatorCreateCapacity();
        List<ShareRequested> shares = IntStream.range(0, SHARES)
                .mapToObj(i -> Shares.incident("bench-tenant-" + (i % TENANTS)).build()).toList();
        Tickets.emulator().clearRequestLog();
        Map<UUID, Long> published = new ConcurrentHashMap<>();
        Map<UUID, Long> created = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = ticketEventsFromNow()) {
            long start = System.nanoTime();
            publish(shares, published);
            while (created.size() < SHARES && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    TicketbridgeEvent event = EventCodec.decode(CloudEventHeaders.read(record.headers()), record.value());
                    if (event instanceof TicketCreated ticket && published.containsKey(ticket.shareId())) {
                        created.putIfAbsent(ticket.shareId(), System.nanoTime());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(shares, published, created, seconds, capacity);
        }
        assertThat(created).hasSize(SHARES);
    }

    /** Creates per second the emulator sustains for direct Table API calls from this JVM. */
    private double emulatorCreateCapacity() throws InterruptedException {
        ShareRequested sample = Shares.incident("bench-capacity").build();
        Map<String, String> fields = TicketFields.of(sample);
        servicenow.create(sample.tenantId(), "incident", fields);
        ExecutorService pool = Executors.newFixedThreadPool(CAPACITY_THREADS);
        long start = System.nanoTime();
        for (int i = 0; i < CAPACITY_CALLS; i++) {
            pool.execute(() -> servicenow.create(sample.tenantId(), "incident", fields));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return CAPACITY_CALLS / ((System.nanoTime() - start) / 1e9);
    }

    private static void publish(List<ShareRequested> shares, Map<UUID, Long> published) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (ShareRequested share : shares) {
                EventCodec.Encoded encoded = EventCodec.encode(share, "/bench");
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(encoded.topic(), encoded.key(),
                        encoded.payload());
                CloudEventHeaders.write(record.headers(), encoded.headers());
                published.put(share.shareId(), System.nanoTime());
                producer.send(record);
            }
        }
    }

    private static KafkaConsumer<String, byte[]> ticketEventsFromNow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static void report(List<ShareRequested> shares, Map<UUID, Long> published, Map<UUID, Long> created,
            double seconds, double capacity) {
        List<Double> latencies = new ArrayList<>();
        created.forEach((id, at) -> latencies.add((at - published.get(id)) / 1e6));
        Collections.sort(latencies);
        long calls = Tickets.emulator().requestCount(null, "/api/now/table/");
        double throughput = created.size() / seconds;
        System.out.printf("%n=== ticket-service benchmark: %d shares, %d tenants ===%n", shares.size(), TENANTS);
        System.out.printf("emulator create capacity (direct, %d threads): %.1f creates/s%n", CAPACITY_THREADS, capacity);
        System.out.printf("end to end: %.1f tickets/s (%.0f%% of emulator capacity) in %.1f s%n", throughput,
                100 * throughput / capacity, seconds);
        System.out.printf("event -> TicketCreated latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
        System.out.printf("ServiceNow Table API calls per ticket: %.3f (%d calls)%n", (double) calls / created.size(),
                calls);
        Object[] spans = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT EXTRACT(EPOCH FROM max(received_at) - min(received_at)),"
                        + " EXTRACT(EPOCH FROM max(completed_at) - min(received_at)) FROM share_registry"
                        + " WHERE tenant_id LIKE 'bench-tenant-%'").getSingleResult());
        System.out.printf("intake span (first to last registration): %.1f s; first registration to last record: %.1f s%n%n",
                ((Number) spans[0]).doubleValue(), ((Number) spans[1]).doubleValue());
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
