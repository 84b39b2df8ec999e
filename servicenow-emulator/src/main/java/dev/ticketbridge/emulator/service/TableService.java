package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.Condition;
import dev.ticketbridge.emulator.EncodedQuery;
import dev.ticketbridge.emulator.JournalEntry;
import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.Timestamps;
import dev.ticketbridge.emulator.store.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.regex.Pattern;

/** Table API use cases: query, read, insert, update and delete records as a given user. */
@ApplicationScoped
public class TableService {

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    private final RecordStore store;
    private final TaskRules rules;
    private final Settings settings;
    private final Faults faults;
    private final UserDirectory users;

    public TableService(RecordStore store, TaskRules rules, Settings settings, Faults faults, UserDirectory users) {
        this.store = store;
        this.rules = rules;
        this.settings = settings;
        this.faults = faults;
        this.users = users;
    }

    /** Records matching an encoded query and name=value conditions, one page of them. */
    public Page list(String table, String query, Map<String, String> equals, int offset, int limit) {
        EncodedQuery encoded = parse(table, query, equals);
        List<Record> matching = store.select(table, encoded::matches);
        int total = matching.size();
        int from = Math.min(Math.max(offset, 0), total);
        int to = (int) Math.min((long) from + Math.max(limit, 0), total);
        List<Record> ordered = encoded.ordered() ? firstInOrder(matching, encoded.comparator(), to) : matching;
        return new Page(List.copyOf(ordered.subList(from, to)), total);
    }

    /** All records matching, in query order (insertion order when the query names none). */
    public List<Record> select(String table, String query, Map<String, String> equals) {
        EncodedQuery encoded = parse(table, query, equals);
        List<Record> matching = new ArrayList<>(store.select(table, encoded::matches));
        if (encoded.ordered()) {
            matching.sort(encoded.comparator());
        }
        return matching;
    }

    private EncodedQuery parse(String table, String query, Map<String, String> equals) {
        TableSchema schema = Tables.require(table);
        List<Condition> conditions = new ArrayList<>();
        equals.forEach((field, value) -> {
            if (schema.knows(field)) {
                conditions.add(new Condition(field, Condition.Operator.EQUALS, value));
            }
        });
        return EncodedQuery.parse(query, schema, settings.get().strictQuery()).and(conditions);
    }

    /**
     * The first {@code count} records in order. A bounded heap instead of a full sort keeps paging through the
     * front of a large table (the usual incremental-sync query) cheap.
     */
    private static List<Record> firstInOrder(List<Record> records, Comparator<Record> order, int count) {
        if (count >= records.size() / 2) {
            List<Record> sorted = new ArrayList<>(records);
            sorted.sort(order);
            return sorted;
        }
        PriorityQueue<Record> heap = new PriorityQueue<>(count + 1, order.reversed());
        for (Record record : records) {
            if (heap.size() < count) {
                heap.add(record);
            } else if (count > 0 && order.compare(record, heap.peek()) < 0) {
                heap.poll();
                heap.add(record);
            }
        }
        List<Record> first = new ArrayList<>(heap);
        first.sort(order);
        return first;
    }

    public Record get(String table, String sysId) {
        Tables.require(table);
        return store.get(table, sysId).orElseThrow(ApiException::notFound);
    }

    public Record create(String table, Map<String, ?> body, String userName) {
        TableSchema schema = Tables.require(table);
        if (faults.aclInsertDenied(table)) {
            throw ApiException.aclInsert();
        }
        String now = Timestamps.now();
        Map<String, String> values = new LinkedHashMap<>();
        values.putAll(writableValues(schema, body));
        values.put("sys_id", newSysId(table, body.get("sys_id")));
        values.put("sys_created_on", now);
        values.put("sys_created_by", userName);
        values.put("sys_updated_on", now);
        values.put("sys_updated_by", userName);
        values.put("sys_mod_count", "0");
        values.put("sys_class_name", table);
        if (schema.numbered() && values.getOrDefault("number", "").isEmpty()) {
            values.put("number", store.nextNumber(schema));
        }
        rules.onInsert(schema, values, users.sysIdOf(userName).orElse(""), now);
        Map<String, List<JournalEntry>> journals = new LinkedHashMap<>();
        appendJournals(schema, journals, body, userName, now);
        Record record = new Record(store.nextSequence(), values, journals);
        if (!store.insert(table, record)) {
            throw new ApiException(403, "Operation Failed", "Insert failed: sys_id " + record.sysId() + " exists");
        }
        return record;
    }

    /**
     * Updates fields of a record (PUT and PATCH behave alike, as in ServiceNow). An agent update skips data
     * policies and state-model checks, as a person on the form with the right roles would.
     */
    public Record update(String table, String sysId, Map<String, ?> body, String userName, boolean agent) {
        TableSchema schema = Tables.require(table);
        return store.update(table, sysId, current -> apply(schema, current, body, userName, agent))
                .orElseThrow(ApiException::notFound);
    }

    private Record apply(TableSchema schema, Record current, Map<String, ?> body, String userName, boolean agent) {
        Map<String, String> changes = writableValues(schema, body);
        rules.onUpdate(schema, current, changes, agent);
        Map<String, String> merged = new LinkedHashMap<>(current.values());
        merged.putAll(changes);
        merged.values().removeIf(String::isEmpty);
        String now = Timestamps.now();
        rules.afterUpdate(schema, merged, current.get("state"), agent, users.sysIdOf(userName).orElse(""), now);
        Map<String, List<JournalEntry>> journals = new LinkedHashMap<>(current.journals());
        boolean journaled = appendJournals(schema, journals, body, userName, now);
        merged.values().removeIf(String::isEmpty);
        if (!journaled && merged.equals(current.values())) {
            return current;
        }
        merged.put("sys_updated_on", now);
        merged.put("sys_updated_by", userName);
        merged.put("sys_mod_count", Long.toString(Long.parseLong(current.get("sys_mod_count")) + 1));
        return new Record(current.sequence(), merged, journals);
    }

    public void delete(String table, String sysId) {
        Tables.require(table);
        if (!store.delete(table, sysId)) {
            throw ApiException.notFound();
        }
    }

    private String newSysId(String table, Object requested) {
        String candidate = requested == null ? "" : requested.toString();
        if (SYS_ID.matcher(candidate).matches() && store.get(table, candidate).isEmpty()) {
            return candidate;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Known, writable fields of a request body as strings; unknown fields are ignored as ServiceNow does. */
    private static Map<String, String> writableValues(TableSchema schema, Map<String, ?> body) {
        Map<String, String> values = new LinkedHashMap<>();
        body.forEach((field, value) -> {
            if (schema.knows(field) && !schema.isSystem(field) && !schema.isJournal(field)) {
                values.put(field, asString(value));
            }
        });
        return values;
    }

    private static boolean appendJournals(TableSchema schema, Map<String, List<JournalEntry>> journals,
                                          Map<String, ?> body, String userName, String now) {
        boolean appended = false;
        for (String field : schema.journalFields()) {
            String text = asString(body.get(field));
            if (!text.isBlank()) {
                List<JournalEntry> entries = new ArrayList<>();
                entries.add(new JournalEntry(now, userName, text));
                entries.addAll(journals.getOrDefault(field, List.of()));
                journals.put(field, List.copyOf(entries));
                appended = true;
            }
        }
        return appended;
    }

    private static String asString(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Objects.toString(map.get("value"), "");
        }
        return value == null ? "" : value.toString();
    }
}
