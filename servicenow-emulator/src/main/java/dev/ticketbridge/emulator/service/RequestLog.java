package dev.ticketbridge.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Counts of served requests per method, path template, status and (for token calls) grant type. */
@ApplicationScoped
public class RequestLog {

    private static final Pattern SYS_ID = Pattern.compile("/[0-9a-f]{32}(?=/|$)");
    private static final Pattern VERSION = Pattern.compile("^/api/now/v[12]/");

    /** One row of the summary. {@code grantType} is empty except for /oauth_token.do. */
    public record Entry(String method, String path, int status, String grantType, long count) {
    }

    private record Key(String method, String path, int status, String grantType) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * The template of a path: API version segments dropped and sys_ids replaced, so
     * {@code /api/now/v2/table/incident/<sys_id>} counts as {@code /api/now/table/incident/{sys_id}}.
     */
    public static String template(String path) {
        return SYS_ID.matcher(VERSION.matcher(path).replaceFirst("/api/now/")).replaceAll("/{sys_id}");
    }

    public void record(String method, String path, int status, String grantType) {
        counts.computeIfAbsent(new Key(method, template(path), status, grantType == null ? "" : grantType),
                key -> new LongAdder()).increment();
    }

    public List<Entry> entries() {
        return counts.entrySet().stream()
                .map(e -> new Entry(e.getKey().method(), e.getKey().path(), e.getKey().status(),
                        e.getKey().grantType(), e.getValue().sum()))
                .sorted(Comparator.comparing(Entry::path).thenComparing(Entry::method).thenComparing(Entry::status))
                .toList();
    }

    /** Requests with this method (null = any) whose template starts with the prefix, optionally of one grant type. */
    public long count(String method, String pathPrefix, String grantType) {
        return entries().stream()
                .filter(e -> method == null || e.method().equalsIgnoreCase(method))
                .filter(e -> pathPrefix == null || e.path().startsWith(pathPrefix))
                .filter(e -> grantType == null || e.grantType().equals(grantType))
                .mapToLong(Entry::count)
                .sum();
    }

    public void clear() {
        counts.clear();
    }
}
