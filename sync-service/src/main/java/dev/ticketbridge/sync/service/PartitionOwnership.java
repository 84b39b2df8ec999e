package dev.ticketbridge.sync.service;

import dev.ticketbridge.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * Which tenants this replica polls: those whose connection-events partition Kafka's consumer-group protocol
 * assigned to it. A tenant's partition is the one its ConnectionChanged events are keyed to (Kafka's default
 * partitioner: murmur2 of the key), so exactly one live replica owns each tenant and a rebalance moves it.
 */
@ApplicationScoped
public class PartitionOwnership {

    private record Assignment(Set<Integer> partitions, int partitionCount) {
    }

    private final boolean enabled;
    private volatile Assignment assignment = new Assignment(Set.of(), 0);

    public PartitionOwnership(SyncConfig config) {
        this.enabled = config.assignment().enabled();
    }

    /** Called by the group member on every rebalance. */
    public void assigned(Set<Integer> partitions, int partitionCount) {
        assignment = new Assignment(Set.copyOf(partitions), partitionCount);
    }

    public boolean owns(String tenantId) {
        if (!enabled) {
            return true;
        }
        Assignment current = assignment;
        return current.partitionCount() > 0
                && current.partitions().contains(partitionOf(tenantId, current.partitionCount()));
    }

    /** The partition Kafka's default partitioner gives a record keyed by this tenant id. */
    public static int partitionOf(String tenantId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(tenantId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
