package dev.ticketbridge.ticket.client;

import dev.ticketbridge.ticket.config.TicketServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-connection (tenant) concurrency that learns from 429s: additive increase after successes, halving and a pause
 * on each rate limit (AIMD). Tenants never share permits, so one throttled tenant cannot slow another.
 */
@ApplicationScoped
public class ConnectionLimiter {

    /** The state of one connection; guarded by its own monitor. */
    private static final class Window {
        int limit;
        int inFlight;
        int successes;
        int consecutiveRateLimits;
        Instant pausedUntil = Instant.EPOCH;

        Window(int limit) {
            this.limit = limit;
        }
    }

    private final int maxConcurrency;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ConnectionLimiter(TicketServiceConfig config) {
        this.maxConcurrency = Math.max(1, config.worker().perConnectionConcurrency());
    }

    /** How many more calls the tenant may start now (0 while paused after a 429). */
    public int available(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            return Instant.now().isBefore(w.pausedUntil) ? 0 : Math.max(0, w.limit - w.inFlight);
        }
    }

    /** Takes a permit; false when the tenant is at its limit or paused. */
    public boolean tryAcquire(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            if (Instant.now().isBefore(w.pausedUntil) || w.inFlight >= w.limit) {
                return false;
            }
            w.inFlight++;
            return true;
        }
    }

    public void release(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            w.inFlight = Math.max(0, w.inFlight - 1);
        }
    }

    /** A call succeeded: after as many successes as the current limit, allow one more concurrent call. */
    public void onSuccess(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            w.consecutiveRateLimits = 0;
            if (++w.successes >= w.limit && w.limit < maxConcurrency) {
                w.limit++;
                w.successes = 0;
            }
        }
    }

    /** ServiceNow answered 429: halve the concurrency and pause the tenant; returns how many 429s came in a row. */
    public int onRateLimited(String tenantId, Duration wait) {
        Window w = window(tenantId);
        synchronized (w) {
            w.limit = Math.max(1, w.limit / 2);
            w.successes = 0;
            Instant until = Instant.now().plus(wait);
            if (until.isAfter(w.pausedUntil)) {
                w.pausedUntil = until;
            }
            return ++w.consecutiveRateLimits;
        }
    }

    /** Consecutive 429s so far, to grow our own backoff when ServiceNow gives no wait. */
    public int consecutiveRateLimits(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            return w.consecutiveRateLimits;
        }
    }

    public int inFlight(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            return w.inFlight;
        }
    }

    public int limit(String tenantId) {
        Window w = window(tenantId);
        synchronized (w) {
            return w.limit;
        }
    }

    private Window window(String tenantId) {
        return windows.computeIfAbsent(tenantId, key -> new Window(maxConcurrency));
    }
}
