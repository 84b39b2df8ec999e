package dev.ticketbridge.ticket.client;

import dev.ticketbridge.ticket.config.TicketServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens per tenant, kept until shortly before they expire. Calls for one tenant are serialised so that many
 * workers hitting an expired token cause one fetch; a tenant without a usable connection is remembered for a while so
 * its parked shares do not hammer the token API.
 */
@ApplicationScoped
public class TokenCache {

    private record Unavailable(ConnectionUnavailableException cause, Instant until) {
    }

    private final TokenSource source;
    private final TicketServiceConfig config;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Unavailable> unavailable = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public TokenCache(TokenSource source, TicketServiceConfig config) {
        this.source = source;
        this.config = config;
    }

    /** A token that stays valid for at least the configured margin. */
    public AccessToken get(String tenantId) {
        AccessToken cached = tokens.get(tenantId);
        if (cached != null && usable(cached)) {
            return cached;
        }
        synchronized (lockOf(tenantId)) {
            cached = tokens.get(tenantId);
            if (cached != null && usable(cached)) {
                return cached;
            }
            return remember(tenantId, () -> source.current(tenantId));
        }
    }

    /** Drops a token ServiceNow rejected and asks for a fresh one; a concurrent caller's refresh is reused. */
    public AccessToken refreshAfterRejection(String tenantId, String rejectedAccessToken) {
        synchronized (lockOf(tenantId)) {
            AccessToken cached = tokens.get(tenantId);
            if (cached != null && !cached.accessToken().equals(rejectedAccessToken) && usable(cached)) {
                return cached;
            }
            tokens.remove(tenantId);
            return remember(tenantId, () -> source.refresh(tenantId, rejectedAccessToken));
        }
    }

    /** Forgets what is known about a tenant's connection, e.g. after a ConnectionChanged. */
    public void forget(String tenantId) {
        tokens.remove(tenantId);
        unavailable.remove(tenantId);
    }

    private AccessToken remember(String tenantId, Supplier<AccessToken> fetch) {
        Unavailable known = unavailable.get(tenantId);
        if (known != null && known.until().isAfter(Instant.now())) {
            throw known.cause();
        }
        try {
            AccessToken fresh = fetch.get();
            unavailable.remove(tenantId);
            tokens.put(tenantId, fresh);
            return fresh;
        } catch (ConnectionUnavailableException e) {
            unavailable.put(tenantId, new Unavailable(e, Instant.now().plus(config.tokens().unavailableRecheck())));
            throw e;
        }
    }

    private boolean usable(AccessToken token) {
        return token.usableAt(Instant.now(), config.tokens().refreshMargin().toSeconds());
    }

    private Object lockOf(String tenantId) {
        return locks.computeIfAbsent(tenantId, key -> new Object());
    }
}
