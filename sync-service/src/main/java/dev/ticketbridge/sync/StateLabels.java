package dev.ticketbridge.sync;

import java.util.Map;
import java.util.Set;

/**
 * The label a tenant sees for a state: the tenant's rename (ConnectionChanged.stateNames), else the instance's own
 * label, else ServiceNow's base-system label, else the code.
 */
public final class StateLabels {

    private static final Map<String, Map<String, String>> BASE = Map.of(
            "incident", Map.of("1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed",
                    "8", "Canceled"),
            "change_request", Map.of("-5", "New", "-4", "Assess", "-3", "Authorize", "-2", "Scheduled",
                    "-1", "Implement", "0", "Review", "3", "Closed", "4", "Canceled"));

    private static final Map<String, Set<String>> FINISHED = Map.of(
            "incident", Set.of("7", "8"),
            "change_request", Set.of("3", "4"));

    private StateLabels() {
    }

    public static String label(Map<String, Map<String, String>> tenantNames, String table, String code,
            String instanceLabel) {
        String renamed = tenantNames.getOrDefault(table, Map.of()).get(code);
        if (renamed != null && !renamed.isBlank()) {
            return renamed;
        }
        if (instanceLabel != null && !instanceLabel.isBlank() && !instanceLabel.equals(code)) {
            return instanceLabel;
        }
        return BASE.getOrDefault(table, Map.of()).getOrDefault(code, code);
    }

    /** Closed or canceled: ServiceNow's {@code active=false} when known, else the base-system final states. */
    public static boolean closed(String table, String code, Boolean active) {
        if (active != null) {
            return !active;
        }
        return FINISHED.getOrDefault(table, Set.of()).contains(code);
    }
}
