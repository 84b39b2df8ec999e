package dev.ticketbridge.ticket;

import java.util.Map;

/** ServiceNow's out-of-the-box state labels, used when a tenant's ConnectionChanged has not told us its own. */
public final class StandardStateLabels {

    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "incident", Map.of("1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed",
                    "8", "Canceled"),
            "change_request", Map.of("-5", "New", "-4", "Assess", "-3", "Authorize", "-2", "Scheduled",
                    "-1", "Implement", "0", "Review", "3", "Closed", "4", "Canceled"));

    private StandardStateLabels() {
    }

    /** The standard label of a state code in a table, or the code itself when ServiceNow has none. */
    public static String of(String table, String code) {
        return LABELS.getOrDefault(table, Map.of()).getOrDefault(code, code);
    }
}
