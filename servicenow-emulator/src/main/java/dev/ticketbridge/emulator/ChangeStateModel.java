package dev.ticketbridge.emulator;

import java.util.List;
import java.util.Map;

/** Allowed change_request state transitions for the normal, standard and emergency models. */
public final class ChangeStateModel {

    public static final String NEW = "-5";
    public static final String REVIEW = "0";
    public static final String CLOSED = "3";
    public static final String CANCELED = "4";

    private static final Map<String, List<String>> PATHS = Map.of(
            "normal", List.of("-5", "-4", "-3", "-2", "-1", "0", "3"),
            "standard", List.of("-5", "-2", "-1", "0", "3"),
            "emergency", List.of("-5", "-3", "-2", "-1", "0", "3"));

    private ChangeStateModel() {
    }

    /** True when a change of the given type may move from one state to the other in one step. */
    public static boolean allows(String type, String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (CANCELED.equals(to)) {
            return !REVIEW.equals(from) && !CLOSED.equals(from) && !CANCELED.equals(from);
        }
        List<String> path = PATHS.getOrDefault(type, PATHS.get("normal"));
        int index = path.indexOf(from);
        return index >= 0 && index + 1 < path.size() && path.get(index + 1).equals(to);
    }
}
