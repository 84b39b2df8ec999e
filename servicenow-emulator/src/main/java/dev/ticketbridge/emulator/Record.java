package dev.ticketbridge.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an emulated table. Immutable: every update produces a new instance, so readers never see a half-applied
 * change. Values are stored exactly as the Table API returns them (strings; references hold the target sys_id).
 */
public final class Record {

    private final long sequence;
    private final Map<String, String> values;
    private final Map<String, List<JournalEntry>> journals;

    public Record(long sequence, Map<String, String> values, Map<String, List<JournalEntry>> journals) {
        this.sequence = sequence;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.journals = Collections.unmodifiableMap(new LinkedHashMap<>(journals));
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
