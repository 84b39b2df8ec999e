package dev.ticketbridge.gateway.service;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A tenant's state names per ServiceNow table, as its connection last announced them. */
record StateLabels(Map<String, Map<String, String>> names) {

    static final StateLabels NONE = new StateLabels(Map.of());

    /** The tenant's label for a code, else the label the ticket event reported, else the code. */
    String label(String table, String code, String reported) {
        if (code == null) {
            return null;
        }
        String named = names.getOrDefault(table, Map.of()).get(code);
        return named != null ? named : reported != null && !reported.isBlank() ? reported : code;
    }

    /** The codes a state filter stands for: the value itself, and every code the tenant labels with it. */
    Set<String> codesFor(String codeOrLabel) {
        Set<String> codes = new HashSet<>();
        codes.add(codeOrLabel);
        String wanted = codeOrLabel.toLowerCase(Locale.ROOT);
        names.values().forEach(table -> table.forEach((code, label) -> {
            if (label.toLowerCase(Locale.ROOT).equals(wanted)) {
                codes.add(code);
            }
        }));
        return codes;
    }
}
