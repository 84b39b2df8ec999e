package dev.ticketbridge.gateway.client;

import dev.ticketbridge.gateway.SyncHealth;
import dev.ticketbridge.gateway.config.SyncHealthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A tenant's sync health from sync-service, cached briefly per tenant. Sync health is a nicety of the home page: when
 * sync-service does not answer (or knows no connection) the answer is empty, never an error.
 */
@ApplicationScoped
public class SyncHealthClient {

    private static final Logger LOG = Logger.getLogger(SyncHealthClient.class);

    private record Cached(Optional<SyncHealth> health, Instant until) {
    }

    private final SyncServiceApi api;
    private final SyncHealthConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SyncHealthClient(@RestClient SyncServiceApi api, SyncHealthConfig config) {
        this.api = api;
        this.config = config;
    }

    public Optional<SyncHealth> health(String tenantId) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = cache.get(tenantId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.health();
        }
        Optional<SyncHealth> health = fetch(tenantId, now);
        cache.put(tenantId, new Cached(health, now.plus(config.cacheTtl())));
        return health;
    }

    private Optional<SyncHealth> fetch(String tenantId, Instant now) {
        try {
            SyncServiceApi.ConnectionHealth answer = api.health(tenantId);
            Long lag = answer.lastSuccessAt() == null ? null
                    : Math.max(0, Duration.between(answer.lastSuccessAt(), now).toSeconds());
            return Optional.of(new SyncHealth(answer.lastSuccessAt(), lag, answer.connectionStatus()));
        } catch (RuntimeException e) {
            LOG.debugf("no sync health for tenant %s: %s", tenantId, e.getMessage());
            return Optional.empty();
        }
    }
}
