package dev.ticketbridge.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inbound REST rate-limit rules (sys_rate_limit_rules): requests per user per window, optionally narrowed to a
 * method, a table or a single user. A rule for a single user beats rules for all users; among matching rules the
 * lowest limit wins.
 */
@ApplicationScoped
public class RateLimiter {

    /** A rule; null method/table/user match anything. {@code api} is "Table API" or "Aggregate API" or null. */
    public record Rule(String sysId, int limitPerHour, String method, String table, String user, String api) {

        boolean matches(String requestMethod, String requestTable, String requestUser, String requestApi) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (table == null || table.equals(requestTable))
                    && (user == null || user.equals(requestUser))
                    && (api == null || api.equals(requestApi));
        }
    }

    /** Outcome for one request: the rule that matched, and whether the request is over the limit. */
    public record Verdict(Rule rule, boolean exceeded, long resetEpochSecond, String api) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Settings settings;

    public RateLimiter(Settings settings) {
        this.settings = settings;
    }

    public Rule add(int limitPerHour, String method, String table, String user, String api) {
        Rule rule = new Rule(UUID.randomUUID().toString().replace("-", ""), limitPerHour, method, table, user, api);
        rules.add(rule);
        return rule;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public boolean remove(String sysId) {
        return rules.removeIf(rule -> rule.sysId().equals(sysId));
    }

    public void reset() {
        rules.clear();
        counters.clear();
    }

    /** Counts the request against the governing rule, if any rule matches. */
    public Optional<Verdict> check(String method, String table, String user, String api) {
        List<Rule> matching = rules.stream().filter(r -> r.matches(method, table, user, api)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        boolean userSpecific = matching.stream().anyMatch(r -> r.user() != null);
        Rule governing = matching.stream()
                .filter(r -> !userSpecific || r.user() != null)
                .min(Comparator.comparingInt(Rule::limitPerHour))
                .orElseThrow();
        long window = Math.max(1, settings.get().rateLimitWindow().toSeconds());
        long windowIndex = Instant.now().getEpochSecond() / window;
        int count = counters.computeIfAbsent(governing.sysId() + '|' + user + '|' + windowIndex,
                key -> new AtomicInteger()).incrementAndGet();
        return Optional.of(new Verdict(governing, count > governing.limitPerHour(), (windowIndex + 1) * window,
                api));
    }
}
