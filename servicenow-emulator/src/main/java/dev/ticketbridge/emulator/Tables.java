package dev.ticketbridge.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tables this emulator serves. */
public final class Tables {

    public static final String INCIDENT = "incident";
    public static final String CHANGE_REQUEST = "change_request";
    public static final String SYS_USER = "sys_user";
    public static final String SYS_USER_GROUP = "sys_user_group";
    public static final String SYS_CHOICE = "sys_choice";
    public static final String OAUTH_ENTITY = "oauth_entity";

    private static final Map<String, String> IMPACT = ordered("1", "1 - High", "2", "2 - Medium", "3", "3 - Low");
    private static final Map<String, String> PRIORITY = ordered("1", "1 - Critical", "2", "2 - High",
            "3", "3 - Moderate", "4", "4 - Low", "5", "5 - Planning");
    private static final Set<String> JOURNALS = Set.of("comments", "work_notes");
    private static final Map<String, String> TASK_REFERENCES = Map.of("opened_by", SYS_USER, "assigned_to", SYS_USER,
            "assignment_group", SYS_USER_GROUP, "caller_id", SYS_USER, "resolved_by", SYS_USER, "closed_by", SYS_USER);

    private static final Map<String, TableSchema> ALL = Map.of(
            INCIDENT, new TableSchema(INCIDENT, List.of("number", "state", "incident_state", "impact", "urgency",
                    "priority", "active", "category", "subcategory", "short_description", "description", "caller_id",
                    "opened_by", "opened_at", "assigned_to", "assignment_group", "correlation_id",
                    "correlation_display", "due_date", "hold_reason", "contact_type", "close_code", "close_notes",
                    "resolved_at", "resolved_by", "closed_at", "closed_by"),
                    TASK_REFERENCES,
                    Map.of("state", incidentStates(), "incident_state", incidentStates(), "impact", IMPACT,
                            "urgency", IMPACT, "priority", PRIORITY),
                    JOURNALS, "INC", 10001, "number"),
            CHANGE_REQUEST, new TableSchema(CHANGE_REQUEST, List.of("number", "state", "type", "impact", "urgency",
                    "priority", "risk", "active", "category", "short_description", "description", "opened_by",
                    "opened_at", "assigned_to", "assignment_group", "correlation_id", "correlation_display",
                    "due_date", "start_date", "end_date", "close_code", "close_notes", "closed_at", "closed_by"),
                    TASK_REFERENCES,
                    Map.of("state", changeStates(), "impact", IMPACT, "urgency", IMPACT, "priority", PRIORITY,
                            "type", ordered("normal", "Normal", "standard", "Standard", "emergency", "Emergency"),
                            "risk", ordered("1", "Very High", "2", "High", "3", "Moderate", "4", "Low")),
                    JOURNALS, "CHG", 30001, "number"),
            SYS_USER, new TableSchema(SYS_USER, List.of("user_name", "name", "first_name", "last_name", "email",
                    "title", "active"), Map.of(), Map.of(), Set.of(), "", 0, "name"),
            SYS_USER_GROUP, new TableSchema(SYS_USER_GROUP, List.of("name", "description", "active"), Map.of(),
                    Map.of(), Set.of(), "", 0, "name"),
            SYS_CHOICE, new TableSchema(SYS_CHOICE, List.of("name", "element", "value", "label", "language",
                    "inactive", "sequence"), Map.of(), Map.of(), Set.of(), "", 0, "label"),
            OAUTH_ENTITY, new TableSchema(OAUTH_ENTITY, List.of("name", "client_id", "redirect_url", "active",
                    "type", "access_token_lifespan", "refresh_token_lifespan"), Map.of(), Map.of(), Set.of(), "", 0,
                    "name"));

    private Tables() {
    }

    public static Optional<TableSchema> find(String table) {
        return Optional.ofNullable(ALL.get(table));
    }

    public static TableSchema require(String table) {
        return find(table).orElseThrow(() -> ApiException.invalidTable(table));
    }

    public static Iterable<TableSchema> all() {
        return ALL.values();
    }

    private static Map<String, String> incidentStates() {
        return ordered("1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed",
                "8", "Canceled");
    }

    private static Map<String, String> changeStates() {
        return ordered("-5", "New", "-4", "Assess", "-3", "Authorize", "-2", "Scheduled", "-1", "Implement",
                "0", "Review", "3", "Closed", "4", "Canceled");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
