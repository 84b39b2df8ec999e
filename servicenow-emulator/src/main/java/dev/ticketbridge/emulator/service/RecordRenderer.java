package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.JournalEntry;
import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.store.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders records as the Table API does: every value a string, references as {@code {"link","value"}}, and with
 * {@code sysparm_display_value=all} every field as {@code {"display_value","value"}}. With
 * {@code sysparm_exclude_reference_link=true} a reference becomes its plain value (or display value).
 */
@ApplicationScoped
public class RecordRenderer {

    private final RecordStore store;
    private final UserDirectory users;

    public RecordRenderer(RecordStore store, UserDirectory users) {
        this.store = store;
        this.users = users;
    }

    public Map<String, Object> render(TableSchema schema, Record record, RenderOptions options) {
        List<String> fields = options.fields().isEmpty() ? schema.allFields() : options.fields();
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (String field : fields) {
            if (schema.knows(field)) {
                rendered.put(field, renderField(schema, record, field, options));
            }
        }
        return rendered;
    }

    private Object renderField(TableSchema schema, Record record, String field, RenderOptions options) {
        String value = schema.isJournal(field) ? "" : record.get(field);
        if (schema.isReference(field) && !value.isEmpty()) {
            return renderReference(schema.references().get(field), value, options);
        }
        return switch (options.mode()) {
            case VALUE -> value;
            case DISPLAY -> displayValue(schema, record, field);
            case ALL -> pair(displayValue(schema, record, field), value);
        };
    }

    private Object renderReference(String targetTable, String sysId, RenderOptions options) {
        String link = options.baseUrl() + "/api/now/table/" + targetTable + "/" + sysId;
        Map<String, Object> reference = new LinkedHashMap<>();
        switch (options.mode()) {
            case VALUE -> {
                if (options.excludeReferenceLink()) {
                    return sysId;
                }
                reference.put("link", link);
                reference.put("value", sysId);
            }
            case DISPLAY -> {
                if (options.excludeReferenceLink()) {
                    return referenceDisplay(targetTable, sysId);
                }
                reference.put("display_value", referenceDisplay(targetTable, sysId));
                reference.put("link", link);
            }
            case ALL -> {
                reference.put("display_value", referenceDisplay(targetTable, sysId));
                if (!options.excludeReferenceLink()) {
                    reference.put("link", link);
                }
                reference.put("value", sysId);
            }
        }
        return reference;
    }

    private static Map<String, Object> pair(String display, String value) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("display_value", display);
        pair.put("value", value);
        return pair;
    }

    private String displayValue(TableSchema schema, Record record, String field) {
        if (schema.isJournal(field)) {
            return journalText(record.journal(field), field);
        }
        return schema.label(field, record.get(field));
    }

    private String referenceDisplay(String table, String sysId) {
        TableSchema target = Tables.require(table);
        return store.get(table, sysId).map(r -> r.get(target.displayField())).orElse("");
    }

    /** Journal history, newest first, as ServiceNow prints it. */
    private String journalText(List<JournalEntry> entries, String field) {
        String kind = field.equals("work_notes") ? "Work notes" : "Additional comments";
        StringBuilder text = new StringBuilder();
        for (JournalEntry entry : entries) {
            String who = users.sysIdOf(entry.userName())
                    .map(id -> referenceDisplay(Tables.SYS_USER, id))
                    .filter(name -> !name.isEmpty())
                    .orElse(entry.userName());
            text.append(entry.createdOn()).append(" - ").append(who).append(" (").append(kind).append(")\n")
                    .append(entry.text()).append("\n\n");
        }
        return text.toString();
    }
}
