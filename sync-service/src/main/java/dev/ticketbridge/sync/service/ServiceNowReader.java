package dev.ticketbridge.sync.service;

import dev.ticketbridge.sync.client.AccessToken;
import dev.ticketbridge.sync.client.RateLimitedException;
import dev.ticketbridge.sync.client.ServiceNowCallException;
import dev.ticketbridge.sync.client.TableApiClient;
import dev.ticketbridge.sync.client.TablePage;
import dev.ticketbridge.sync.client.TokenSource;
import dev.ticketbridge.sync.client.TokenUnavailableException;
import dev.ticketbridge.sync.client.UnauthorizedException;
import dev.ticketbridge.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table API reads on behalf of a tenant: caches the tenant's token until shortly before it expires, refreshes it
 * once on a 401, and honours a 429 per instance (host), so that every tenant on a rate-limited instance waits and
 * no other instance does.
 */
@ApplicationScoped
public class ServiceNowReader {

    private static final long EXPIRY_MARGIN_SECONDS = 60;

    private final TokenSource tokens;
    private final TableApiClient client;
    private final SyncMetrics metrics;
    private final SyncConfig config;
    private final Map<String, AccessToken> cachedTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public ServiceNowReader(TokenSource tokens, TableApiClient client, SyncMetrics metrics, SyncConfig config) {
        this.tokens = tokens;
        this.client = client;
        this.metrics = metrics;
        this.config = config;
    }

    /** One Table API query; counts as one call. */
    public TablePage query(String tenantId, String table, String encodedQuery, int limit)
            throws ServiceNowCallException, TokenUnavailableException {
        AccessToken token = token(tenantId);
        String instance = host(token.instanceUrl());
        Instant blocked = blockedUntil.get(instance);
        if (blocked != null && blocked.isAfter(Instant.now())) {
            throw new RateLimitedException("instance " + instance + " asked to wait", blocked);
        }
        try {
            try {
                return client.query(token, table, encodedQuery, limit);
            } catch (UnauthorizedException e) {
                AccessToken fresh = tokens.refresh(tenantId, token);
                cachedTokens.put(tenantId, fresh);
                return client.query(fresh, table, encodedQuery, limit);
            }
        } catch (RateLimitedException e) {
            metrics.rateLimited(tenantId);
            Instant until = e.retryAt() != null ? e.retryAt() : Instant.now().plus(config.poll().errorBackoff());
            Instant capped = min(until, Instant.now().plus(config.poll().maxBackoff()));
            blockedUntil.merge(instance, capped, (a, b) -> a.isAfter(b) ? a : b);
            throw new RateLimitedException(e.getMessage(), capped);
        }
    }

    /** Forgets a tenant's token (connection removed or re-authorised). */
    public void forget(String tenantId) {
        cachedTokens.remove(tenantId);
    }

    private AccessToken token(String tenantId) throws TokenUnavailableException {
        AccessToken cached = cachedTokens.get(tenantId);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(EXPIRY_MARGIN_SECONDS))) {
            return cached;
        }
        AccessToken fresh = tokens.token(tenantId);
        cachedTokens.put(tenantId, fresh);
        return fresh;
    }

    private static String host(String instanceUrl) {
        URI uri = URI.create(instanceUrl);
        return uri.getHost() + ":" + uri.getPort();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
