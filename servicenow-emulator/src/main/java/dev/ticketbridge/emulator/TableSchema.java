package dev.ticketbridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulated shape of one table: its fields in response order, which of them reference other tables, the labels of
 * choice fields, journal fields and record numbering.
 *
 * @param numberPrefix "INC" or "CHG"; empty when the table has no {@code number} field
 * @param displayField field shown as the display value of references to this table
 */
public record TableSchema(String name, List<String> fields, Map<String, String> references,
                          Map<String, Map<String, String>> choices, Set<String> journalFields, String numberPrefix,
                          long firstNumber, String displayField) {

    public static final List<String> SYSTEM_FIELDS = List.of("sys_id", "sys_created_on", "sys_created_by",
            "sys_updated_on", "sys_updated_by", "sys_mod_count", "sys_class_name");

    /** Every field a response may contain, system fields first. */
    public List<String> allFields() {
        List<String> all = new ArrayList<>(SYSTEM_FIELDS);
        all.addAll(fields);
        all.addAll(journalFields);
        return all;
    }

    public boolean knows(String field) {
        return SYSTEM_FIELDS.contains(field) || fields.contains(field) || journalFields.contains(field);
    }

    public boolean isReference(String field) {
        return references.containsKey(field);
    }

    public boolean isJournal(String field) {
        return journalFields.contains(field);
    }

    public boolean isSystem(String field) {
        return SYSTEM_FIELDS.contains(field);
    }

    /** Label of a choice value, or the value itself when the field has no choices or the value is unknown. */
    public String label(String field, String value) {
        Map<String, String> labels = choices.get(field);
        return labels == null ? value : labels.getOrDefault(value, value);
    }

    public boolean numbered() {
        return !numberPrefix.isEmpty();
    }
}
