package dev.ticketbridge.sync.messaging;

import dev.ticketbridge.sync.config.SyncConfig;
import dev.ticketbridge.sync.service.PartitionOwnership;
import dev.ticketbridge.sync.service.PollScheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Joins the pollers' consumer group at start-up and leaves it at shutdown, so connections move at once. */
@ApplicationScoped
public class PollerGroupLifecycle {

    private final SyncConfig config;
    private final PartitionOwnership ownership;
    private final PollScheduler scheduler;
    private final String bootstrapServers;
    private final AtomicReference<PollerGroupMember> member = new AtomicReference<>();

    public PollerGroupLifecycle(SyncConfig config, PartitionOwnership ownership, PollScheduler scheduler,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.ownership = ownership;
        this.scheduler = scheduler;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.assignment().enabled()) {
            return;
        }
        member.set(new PollerGroupMember(bootstrapServers, config.assignment().groupId(), config.assignment().topic(),
                (partitions, count) -> {
                    ownership.assigned(partitions, count);
                    scheduler.refresh();
                }).start());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        PollerGroupMember current = member.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }
}
