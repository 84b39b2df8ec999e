package dev.ticketbridge.sync.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * This replica's membership of the pollers' consumer group on the compacted connection-events topic. Kafka's
 * group protocol assigns each live member a share of the topic's partitions; a member that dies or leaves has
 * its partitions moved to the others. The records themselves are not needed (the connection table has them):
 * the member only reports its assignment, and keeps polling so that the group knows it is alive.
 */
public final class PollerGroupMember implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PollerGroupMember.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final BiConsumer<Set<Integer>, Integer> onAssignment;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param onAssignment receives the assigned partitions and the topic's partition count after each rebalance */
    public PollerGroupMember(String bootstrapServers, String groupId, String topic,
            BiConsumer<Set<Integer>, Integer> onAssignment) {
        this.topic = topic;
        this.onAssignment = onAssignment;
        this.consumer = new KafkaConsumer<>(properties(bootstrapServers, groupId));
        this.thread = new Thread(this::run, "sync-poller-group-" + UUID.randomUUID().toString().substring(0, 8));
        this.thread.setDaemon(true);
    }

    public PollerGroupMember start() {
        thread.start();
        return this;
    }

    private static Properties properties(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    report(consumer.assignment().stream().filter(p -> !partitions.contains(p)).toList());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    report(consumer.assignment());
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    report(List.of());
                }
            });
            while (running) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("Poller group member woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Poller group member stopped; this replica polls nothing until restarted", e);
            report(List.of());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void report(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        int count = consumer.partitionsFor(topic).size();
        LOG.infof("Poller group assignment: partitions %s of %d", numbers, count);
        onAssignment.accept(numbers, count);
    }

    /** Leaves the group (its partitions move to the other members) and stops. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
