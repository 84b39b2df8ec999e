package dev.ticketbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.sync.messaging.PollerGroupMember;
import dev.ticketbridge.sync.service.PartitionOwnership;
import dev.ticketbridge.testsupport.kafka.TestKafka;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' group members on a real broker: Kafka's consumer-group assignment splits the partitions (so the
 * tenants) between them with none polled twice, and when one leaves, its share moves to the other.
 */
class ReplicaSplitTest {

    private static final int PARTITIONS = 6;

    @Test
    void twoReplicasSplitTheConnectionsAndTheSurvivorTakesOverWhenOneLeaves() {
        String topic = "test.connection-events." + UUID.randomUUID();
        TestKafka.createTopic(topic, PARTITIONS);
        String group = "sync-pollers-" + UUID.randomUUID();
        AtomicReference<Set<Integer>> first = new AtomicReference<>(Set.of());
        AtomicReference<Set<Integer>> second = new AtomicReference<>(Set.of());
        List<String> tenants = IntStream.range(0, 40).mapToObj(i -> "tenant-" + i).toList();

        try (PollerGroupMember a = member(group, topic, first).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.get().size() == PARTITIONS);
            try (PollerGroupMember b = member(group, topic, second).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !second.get().isEmpty() && !first.get().isEmpty()
                        && first.get().size() + second.get().size() == PARTITIONS);

                Set<Integer> union = new HashSet<>(first.get());
                union.addAll(second.get());
                assertThat(union).hasSize(PARTITIONS);
                assertThat(first.get()).doesNotContainAnyElementsOf(second.get());
                List<String> polledByA = owned(tenants, first.get());
                List<String> polledByB = owned(tenants, second.get());
                assertThat(polledByA).doesNotContainAnyElementsOf(polledByB);
                assertThat(polledByA.size() + polledByB.size()).isEqualTo(tenants.size());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.get().size() == PARTITIONS);
            assertThat(owned(tenants, first.get())).containsExactlyElementsOf(tenants);
        }
    }

    private static PollerGroupMember member(String group, String topic, AtomicReference<Set<Integer>> assignment) {
        return new PollerGroupMember(TestKafka.bootstrapServers(), group, topic, (partitions, count) -> {
            assertThat(count).isEqualTo(PARTITIONS);
            assignment.set(partitions);
        });
    }

    private static List<String> owned(List<String> tenants, Set<Integer> partitions) {
        return tenants.stream().filter(t -> partitions.contains(PartitionOwnership.partitionOf(t, PARTITIONS))).toList();
    }
}
