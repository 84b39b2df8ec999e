package dev.ticketbridge.emulator.store;

import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The in-memory, thread-safe record store of all emulated tables. */
@ApplicationScoped
public class RecordStore {

    private final Map<String, TableData> tables = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> numbers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public RecordStore() {
        clear();
    }

    /** Removes every record and restarts record numbering. */
    public final void clear() {
        for (TableSchema schema : Tables.all()) {
            tables.put(schema.name(), new TableData());
            numbers.put(schema.name(), new AtomicLong(schema.firstNumber()));
        }
    }

    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** The next record number, e.g. INC0010001, increasing per table. */
    public String nextNumber(TableSchema schema) {
        String digits = Long.toString(numbers.get(schema.name()).getAndIncrement());
        return schema.numberPrefix() + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    public Optional<Record> get(String table, String sysId) {
        return table(table).get(sysId);
    }

    /** Matching records in insertion order. */
    public List<Record> select(String table, Predicate<Record> filter) {
        return table(table).select(filter);
    }

    public boolean insert(String table, Record record) {
        return table(table).insert(record);
    }

    public Optional<Record> update(String table, String sysId, UnaryOperator<Record> updater) {
        return table(table).update(sysId, updater);
    }

    public boolean delete(String table, String sysId) {
        return table(table).delete(sysId);
    }

    public int count(String table) {
        return table(table).size();
    }

    private TableData table(String table) {
        TableData data = tables.get(table);
        if (data == null) {
            throw new IllegalArgumentException("Unknown table " + table);
        }
        return data;
    }
}
