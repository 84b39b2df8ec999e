package dev.ticketbridge.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Faults switched on through the admin API. Every fault is off after start and after a reset. */
@ApplicationScoped
public class Faults {

    /** Added latency, uniformly between min and max, on requests under a path prefix ("" = all). */
    public record Latency(long minMs, long maxMs, String pathPrefix) {
    }

    /** Answers with an error status; at most {@code remaining} times when remaining ≥ 0. */
    public record Errors(double rate, int status, String pathPrefix, AtomicInteger remaining) {
    }

    /** Holds requests for a while before processing them; at most {@code remaining} times when ≥ 0. */
    public record Hang(long ms, String pathPrefix, AtomicInteger remaining) {
    }

    private final AtomicReference<Latency> latency = new AtomicReference<>();
    private final AtomicReference<Errors> errors = new AtomicReference<>();
    private final AtomicReference<Hang> hang = new AtomicReference<>();
    private final AtomicReference<String> crossScopeRefusal = new AtomicReference<>();
    private final Set<String> aclInsertDenied = ConcurrentHashMap.newKeySet();
    private volatile boolean hibernating;
    private volatile boolean ipBlocked;
    private volatile boolean changeStateQuirk;

    public void latency(Latency value) {
        latency.set(value);
    }

    public void errors(Errors value) {
        errors.set(value);
    }

    public void hang(Hang value) {
        hang.set(value);
    }

    public void hibernating(boolean on) {
        hibernating = on;
    }

    public void ipBlocked(boolean on) {
        ipBlocked = on;
    }

    public void changeStateQuirk(boolean on) {
        changeStateQuirk = on;
    }

    /** Refuse reads of oauth_entity as coming from the given application scope; null switches it off. */
    public void crossScopeRefusal(String scope) {
        crossScopeRefusal.set(scope);
    }

    public void aclInsertDenied(String table, boolean on) {
        if (on) {
            aclInsertDenied.add(table);
        } else {
            aclInsertDenied.remove(table);
        }
    }

    public boolean hibernating() {
        return hibernating;
    }

    public boolean ipBlocked() {
        return ipBlocked;
    }

    public boolean changeStateQuirk() {
        return changeStateQuirk;
    }

    public Optional<String> crossScopeRefusal() {
        return Optional.ofNullable(crossScopeRefusal.get());
    }

    public boolean aclInsertDenied(String table) {
        return aclInsertDenied.contains(table);
    }

    /** Milliseconds to delay a request to this path: injected latency plus any hang. */
    public long delayFor(String path) {
        long delay = 0;
        Latency l = latency.get();
        if (l != null && path.startsWith(l.pathPrefix())) {
            delay += l.maxMs() > l.minMs() ? ThreadLocalRandom.current().nextLong(l.minMs(), l.maxMs() + 1) : l.minMs();
        }
        Hang h = hang.get();
        if (h != null && path.startsWith(h.pathPrefix()) && take(h.remaining())) {
            delay += h.ms();
        }
        return delay;
    }

    /** The error status to answer this request with, if an error fault fires. */
    public Optional<Integer> errorFor(String path) {
        Errors e = errors.get();
        if (e == null || !path.startsWith(e.pathPrefix()) || ThreadLocalRandom.current().nextDouble() >= e.rate()) {
            return Optional.empty();
        }
        return take(e.remaining()) ? Optional.of(e.status()) : Optional.empty();
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.get() < 0 || remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("latency", latency.get());
        Errors e = errors.get();
        state.put("errors", e == null ? null : Map.of("rate", e.rate(), "status", e.status(),
                "path_prefix", e.pathPrefix(), "remaining", e.remaining().get()));
        Hang h = hang.get();
        state.put("hang", h == null ? null : Map.of("ms", h.ms(), "path_prefix", h.pathPrefix(),
                "remaining", h.remaining().get()));
        state.put("hibernation", hibernating);
        state.put("ip_block", ipBlocked);
        state.put("change_state_quirk", changeStateQuirk);
        state.put("oauth_entity_cross_scope", crossScopeRefusal.get());
        state.put("acl_insert", Set.copyOf(aclInsertDenied));
        return state;
    }

    public void reset() {
        latency.set(null);
        errors.set(null);
        hang.set(null);
        crossScopeRefusal.set(null);
        aclInsertDenied.clear();
        hibernating = false;
        ipBlocked = false;
        changeStateQuirk = false;
    }
}
