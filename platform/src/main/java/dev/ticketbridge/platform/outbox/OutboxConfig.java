package dev.ticketbridge.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "ticketbridge.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /ticketbridge/gateway}. */
    @WithDefault("/ticketbridge")
    String source();

    /** How often the relay looks for unpublished events when no commit has woken it. */
    @WithName("poll-interval")
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events relayed in one database transaction. */
    @WithName("batch-size")
    @WithDefault("500")
    int batchSize();

    /** Whether this instance relays at all (off in tools that only write). */
    @WithDefault("true")
    boolean enabled();
}
