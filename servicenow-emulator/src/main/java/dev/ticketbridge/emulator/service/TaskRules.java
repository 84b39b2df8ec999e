package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.ChangeStateModel;
import dev.ticketbridge.emulator.Priority;
import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The business rules and data policies of the incident and change_request tables. */
@ApplicationScoped
public class TaskRules {

    private static final String RESOLVED = "6";
    private static final String CLOSED = "7";
    private static final String CANCELED = "8";

    private final Settings settings;
    private final Faults faults;

    public TaskRules(Settings settings, Faults faults) {
        this.settings = settings;
        this.faults = faults;
    }

    /** Fills defaults of a new record and checks its data policies. */
    public void onInsert(TableSchema schema, Map<String, String> values, String userSysId, String now) {
        switch (schema.name()) {
            case Tables.INCIDENT -> {
                defaultTo(values, "state", "1");
                defaultTo(values, "impact", "3");
                defaultTo(values, "urgency", "3");
                checkResolutionFields(values);
            }
            case Tables.CHANGE_REQUEST -> {
                defaultTo(values, "state", ChangeStateModel.NEW);
                defaultTo(values, "type", "normal");
                defaultTo(values, "impact", "3");
                defaultTo(values, "urgency", "3");
                defaultTo(values, "priority", "4");
                defaultTo(values, "risk", "3");
            }
            case Tables.SYS_USER, Tables.SYS_USER_GROUP -> defaultTo(values, "active", "true");
            case Tables.SYS_CHOICE -> {
                defaultTo(values, "language", "en");
                defaultTo(values, "inactive", "false");
            }
            default -> {
            }
        }
        if (schema.numbered()) {
            defaultTo(values, "opened_at", now);
            defaultTo(values, "opened_by", userSysId);
            derive(schema, values, "", userSysId, now);
        }
    }

    /**
     * Checks an update by an API caller (agents skip data policies) and drops changes ServiceNow would ignore.
     * {@code changes} is modified in place.
     */
    public void onUpdate(TableSchema schema, Record current, Map<String, String> changes, boolean agent) {
        String from = current.get("state");
        String to = changes.getOrDefault("state", from);
        if (schema.name().equals(Tables.INCIDENT) && agent && (RESOLVED.equals(to) || CLOSED.equals(to))) {
            fillIfEmpty(changes, current, "close_code", "Solution provided");
            fillIfEmpty(changes, current, "close_notes", "Resolved by agent");
        }
        if (schema.name().equals(Tables.CHANGE_REQUEST) && !from.equals(to) && !agent) {
            if (faults.changeStateQuirk()) {
                changes.remove("state");
            } else if (settings.get().enforceChangeTransitions()
                    && !ChangeStateModel.allows(current.get("type"), from, to)) {
                throw ApiException.dataPolicy("State transition from " + schema.label("state", from) + " to "
                        + schema.label("state", to) + " is not allowed for a " + current.get("type") + " change");
            }
        }
    }

    /** Re-checks data policies on the merged record and derives computed fields. */
    public void afterUpdate(TableSchema schema, Map<String, String> merged, String previousState, boolean agent,
                            String userSysId, String now) {
        if (schema.name().equals(Tables.INCIDENT) && !agent && !previousState.equals(merged.getOrDefault("state", ""))) {
            checkResolutionFields(merged);
        }
        if (schema.numbered()) {
            derive(schema, merged, previousState, userSysId, now);
        }
    }

    private void checkResolutionFields(Map<String, String> values) {
        String state = values.getOrDefault("state", "");
        if (!settings.get().requireResolutionFields() || !(RESOLVED.equals(state) || CLOSED.equals(state))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (values.getOrDefault("close_code", "").isBlank()) {
            missing.add("Resolution code");
        }
        if (values.getOrDefault("close_notes", "").isBlank()) {
            missing.add("Resolution notes");
        }
        if (!missing.isEmpty()) {
            throw ApiException.dataPolicy("mandatory: " + String.join(", ", missing));
        }
    }

    private static void derive(TableSchema schema, Map<String, String> values, String previousState,
                               String userSysId, String now) {
        String state = values.getOrDefault("state", "");
        boolean entered = !state.equals(previousState);
        if (schema.name().equals(Tables.INCIDENT)) {
            values.put("priority", Priority.of(values.get("impact"), values.get("urgency")));
            values.put("incident_state", state);
            values.put("active", Boolean.toString(!CLOSED.equals(state) && !CANCELED.equals(state)));
            if (entered && RESOLVED.equals(state)) {
                values.put("resolved_at", now);
                values.put("resolved_by", userSysId);
            }
            if (entered && (CLOSED.equals(state) || CANCELED.equals(state))) {
                values.put("closed_at", now);
                values.put("closed_by", userSysId);
            }
        } else {
            boolean finished = ChangeStateModel.CLOSED.equals(state) || ChangeStateModel.CANCELED.equals(state);
            values.put("active", Boolean.toString(!finished));
            if (entered && finished) {
                values.put("closed_at", now);
                values.put("closed_by", userSysId);
            }
        }
    }

    private static void fillIfEmpty(Map<String, String> changes, Record current, String field, String value) {
        if (changes.getOrDefault(field, current.get(field)).isEmpty()) {
            changes.put(field, value);
        }
    }

    private static void defaultTo(Map<String, String> values, String field, String value) {
        if (values.getOrDefault(field, "").isEmpty()) {
            values.put(field, value);
        }
    }
}
