package dev.ticketbridge.connection;

import dev.ticketbridge.platform.problem.Problem;
import dev.ticketbridge.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State labels per table ({@code incident}, {@code change_request}): code → label. Defaults are the instance's own
 * {@code sys_choice} labels, else ServiceNow's standard labels; a tenant's renames are laid over them.
 */
public final class StateLabels {

    public static final String INCIDENT = "incident";
    public static final String CHANGE_REQUEST = "change_request";
    public static final int MAX_LENGTH = 40;

    /** ServiceNow's standard state labels of both tables. */
    public static final Map<String, Map<String, String>> STANDARD = Map.of(
            INCIDENT, ordered("1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed",
                    "8", "Canceled"),
            CHANGE_REQUEST, ordered("-5", "New", "-4", "Assess", "-3", "Authorize", "-2", "Scheduled", "-1", "Implement",
                    "0", "Review", "3", "Closed", "4", "Canceled"));

    private StateLabels() {
    }

    /** The instance's labels where it has them for a table, the standard ones otherwise. */
    public static Map<String, Map<String, String>> defaults(Map<String, Map<String, String>> instance) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String table : List.of(INCIDENT, CHANGE_REQUEST)) {
            Map<String, String> own = instance == null ? null : instance.get(table);
            result.put(table, own == null || own.isEmpty() ? STANDARD.get(table) : own);
        }
        return result;
    }

    /** Defaults overlaid with renames. */
    public static Map<String, Map<String, String>> effective(Map<String, Map<String, String>> defaults,
            Map<String, Map<String, String>> renames) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        defaults.forEach((table, labels) -> {
            Map<String, String> merged = new LinkedHashMap<>(labels);
            merged.putAll(renames == null ? Map.of() : renames.getOrDefault(table, Map.of()));
            result.put(table, merged);
        });
        return result;
    }

    /**
     * Checks renames against the known codes: tables incident/change_request only, codes that exist in the defaults,
     * labels non-empty, at most 40 characters and free of control characters. Returns them trimmed; refuses with a
     * problem naming each field.
     */
    public static Map<String, Map<String, String>> validateRenames(Map<String, Map<String, String>> renames,
            Map<String, Map<String, String>> defaults) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Map<String, String>> clean = new LinkedHashMap<>();
        (renames == null ? Map.<String, Map<String, String>>of() : renames).forEach((table, labels) -> {
            if (!defaults.containsKey(table)) {
                errors.add(new Problem.FieldError(table, "unknown table; use incident or change_request"));
                return;
            }
            Map<String, String> tableClean = new LinkedHashMap<>();
            (labels == null ? Map.<String, String>of() : labels).forEach((code, label) -> {
                String field = table + "." + code;
                String trimmed = label == null ? "" : label.strip();
                if (!defaults.get(table).containsKey(code)) {
                    errors.add(new Problem.FieldError(field, "unknown state code of " + table));
                } else if (trimmed.isEmpty()) {
                    errors.add(new Problem.FieldError(field, "must not be empty"));
                } else if (trimmed.length() > MAX_LENGTH) {
                    errors.add(new Problem.FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
                } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
                    errors.add(new Problem.FieldError(field, "must not contain control characters"));
                } else {
                    tableClean.put(code, trimmed);
                }
            });
            clean.put(table, tableClean);
        });
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(400, "Invalid request", detail, errors);
        }
        return clean;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
