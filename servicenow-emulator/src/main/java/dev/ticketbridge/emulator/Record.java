package dev.ticketbridge.emulator;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of an emulated table. Immutable: every update produces a new instance, so readers never see a half-applied
 * change. Values are stored as the Table API returns them (strings; references hold the target sys_id).
 */
public final class Record {

    private static final int SHARED_VALUE_LENGTH = 32;
    private static final Set<String> UNIQUE_FIELDS = Set.of("sys_id", "number", "correlation_id");

    private final long sequence;
    private final Map<String, String> values;
    private final Map<String, List<JournalEntry>> journals;

    public Record(long sequence, Map<String, String> values, Map<String, List<JournalEntry>> journals) {
        this.sequence = sequence;
        this.values = compact(values);
        this.journals = journals.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(journals));
    }

    /**
     * Keeps only non-empty values (an absent field reads as "") in an immutable map, sharing short repeated values
     * such as timestamps and choice codes, so that 100,000 records fit in a small heap.
     */
    private static Map<String, String> compact(Map<String, String> values) {
        Map<String, String> kept = new HashMap<>();
        values.forEach((field, value) -> {
            if (value != null && !value.isEmpty()) {
                kept.put(field, value.length() <= SHARED_VALUE_LENGTH && !UNIQUE_FIELDS.contains(field)
                        ? value.intern() : value);
            }
        });
        return Map.copyOf(kept);
    }

    public String sysId() {
        return values.get("sys_id");
    }

    /** Insertion order; the default sort order of list queries. */
    public long sequence() {
        return sequence;
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    public Map<String, String> values() {
        return values;
    }

    /** Journal entries of a field, newest first. */
    public List<JournalEntry> journal(String field) {
        return journals.getOrDefault(field, List.of());
    }

    public Map<String, List<JournalEntry>> journals() {
        return journals;
    }
}
