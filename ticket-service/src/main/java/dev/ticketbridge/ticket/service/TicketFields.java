package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.ImprovementAction;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.RecommendationSource;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketType;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Table API body for a share: how a task and its improvement action become ServiceNow fields (see README). */
public final class TicketFields {

    /** Prefix that makes every record read as what it is in ServiceNow lists. */
    public static final String PREFIX = "Microsoft 365 Security and Configuration Change Request: ";
    public static final String CORRELATION_DISPLAY = "Ticketbridge";

    private static final int SHORT_DESCRIPTION_MAX = 160;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Impact and urgency whose product ServiceNow's base priority lookup turns into the priority. */
    private record ImpactUrgency(String impact, String urgency) {
    }

    private TicketFields() {
    }

    public static Map<String, String> of(ShareRequested share) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("short_description", shortDescription(share.task().name()));
        fields.put("description", description(share));
        fields.put("due_date", share.task().dueDate().format(DATE) + " 23:59:59");
        fields.put("category", share.action().category().name());
        ImpactUrgency pair = impactUrgency(share.task().priority());
        fields.put("impact", pair.impact());
        fields.put("urgency", pair.urgency());
        if (share.ticketType() == TicketType.CHANGE_REQUEST) {
            fields.put("priority", Integer.toString(share.task().priority().code()));
            fields.put("risk", risk(share.task().priority()));
            fields.put("type", share.changeType().name().toLowerCase(Locale.ROOT));
        }
        fields.put("correlation_id", share.shareId().toString());
        fields.put("correlation_display", CORRELATION_DISPLAY);
        return fields;
    }

    static String shortDescription(String taskName) {
        String text = PREFIX + taskName.strip();
        return text.length() <= SHORT_DESCRIPTION_MAX ? text : text.substring(0, SHORT_DESCRIPTION_MAX - 1) + "…";
    }

    static String description(ShareRequested share) {
        ImprovementAction action = share.action();
        StringBuilder text = new StringBuilder();
        if (!share.task().description().isBlank()) {
            text.append(share.task().description().strip()).append("\n\n");
        }
        text.append("Microsoft 365 Security and Configuration Change Request, shared by Ticketbridge\n")
                .append("Improvement action: ").append(action.title()).append('\n')
                .append("Action ID: ").append(action.id()).append('\n')
                .append("Category: ").append(action.category().name()).append('\n')
                .append("Source: ").append(action.source() == RecommendationSource.MICROSOFT
                        ? "Microsoft recommendation" : "User recommendation").append('\n')
                .append("Max score: ").append(maxScore(action.maxScore())).append('\n');
        if (action.url() != null && !action.url().isBlank()) {
            text.append("Action URL: ").append(action.url()).append('\n');
        }
        text.append("Requested by: ").append(share.requestedBy()).append('\n')
                .append("Share ID: ").append(share.shareId());
        return text.toString();
    }

    /** Base lookup: (1,1)→1, (1,2)→2, (2,2)→3, (2,3)→4, (3,3)→5. */
    private static ImpactUrgency impactUrgency(Priority priority) {
        return switch (priority) {
            case CRITICAL -> new ImpactUrgency("1", "1");
            case HIGH -> new ImpactUrgency("1", "2");
            case MODERATE -> new ImpactUrgency("2", "2");
            case LOW -> new ImpactUrgency("2", "3");
            case PLANNING -> new ImpactUrgency("3", "3");
        };
    }

    /** Change risk: 2 High, 3 Moderate, 4 Low. */
    private static String risk(Priority priority) {
        return switch (priority) {
            case CRITICAL -> "2";
            case HIGH, MODERATE -> "3";
            case LOW, PLANNING -> "4";
        };
    }

    private static String maxScore(double score) {
        return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
    }
}
