package dev.ticketbridge.gateway.service;

import dev.ticketbridge.gateway.ShareStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A share as the portal shows it: what was asked, where it stands, and once created the ServiceNow record with its
 * state labelled the way the tenant names it.
 */
public record ShareView(
        UUID shareId,
        ShareStatus status,
        String ticketType,
        String changeType,
        String actionId,
        String actionTitle,
        String category,
        String recommendationSource,
        Double maxScore,
        String taskName,
        String description,
        String priority,
        LocalDate dueDate,
        boolean overdue,
        String requestedBy,
        Instant requestedAt,
        String number,
        String recordUrl,
        State state,
        String assignedTo,
        boolean closed,
        Instant lastUpdated,
        Failure failure) {

    /** A ServiceNow state: the code and the tenant's label for it. */
    public record State(String code, String label) {
    }

    /** Why ServiceNow did not create the record, in its own words where it gave any. */
    public record Failure(String reason, String message) {
    }
}
