package dev.ticketbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How the summary asks sync-service for a tenant's sync health. */
@ConfigMapping(prefix = "ticketbridge.sync-health")
public interface SyncHealthConfig {

    /** Whether the summary carries sync health at all. */
    @WithDefault("true")
    boolean enabled();

    /** How long one tenant's answer (or sync-service's silence) is reused, so the summary stays a local read. */
    @WithName("cache-ttl")
    @WithDefault("15s")
    Duration cacheTtl();
}
