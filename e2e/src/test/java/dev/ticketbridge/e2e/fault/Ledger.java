package dev.ticketbridge.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The shares a scenario got accepted (202 from the API), checked against what matters after a fault: ServiceNow
 * holds exactly one record per accepted share (found by {@code correlation_id} = share id, no two records with the
 * same one), and the gateway's read model shows every one of them CREATED with the number ServiceNow holds.
 */
final class Ledger {

    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Gateway user;
    private final ServiceNowEmulator instance;
    private final String since;
    private final Map<String, String> tableByShare = new ConcurrentHashMap<>();

    /** A ledger for shares of {@code user}'s tenant whose records go to {@code instance}, opened now. */
    Ledger(Gateway user, ServiceNowEmulator instance) {
        this.user = user;
        this.instance = instance;
        // Records of this scenario only: ServiceNow stores seconds, so a little before now is enough.
        this.since = SERVICENOW_TIME.format(Instant.now().minusSeconds(5));
    }

    /** Notes a share the API accepted; {@code ticketType} as sent (INCIDENT or CHANGE_REQUEST). */
    void accepted(String shareId, String ticketType) {
        tableByShare.put(shareId, ticketType.equals("INCIDENT") ? "incident" : "change_request");
    }

    int size() {
        return tableByShare.size();
    }

    Set<String> shareIds() {
        return Set.copyOf(tableByShare.keySet());
    }

    /** The ServiceNow records of this ledger's shares now: share id → numbers (more than one is a duplicate). */
    Map<String, List<String>> recordsInServiceNow() {
        Map<String, List<String>> numbers = new HashMap<>();
        for (String table : Set.copyOf(tableByShare.values())) {
            for (Map<String, Object> record : instance.records(table,
                    "correlation_display=Ticketbridge^sys_created_on>=" + since)) {
                String shareId = String.valueOf(record.get("correlation_id"));
                if (table.equals(tableByShare.get(shareId))) {
                    numbers.computeIfAbsent(shareId, id -> new ArrayList<>()).add(String.valueOf(record.get("number")));
                }
            }
        }
        return numbers;
    }

    /** How many of the shares have their record in ServiceNow now. */
    long createdInServiceNow() {
        return recordsInServiceNow().size();
    }

    /** How the gateway's read model shows this ledger's shares now: share id → view. */
    Map<String, JsonNode> readModel() {
        Map<String, JsonNode> views = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = user.get("/api/v1/tickets?size=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).body();
            for (JsonNode item : page.path("items")) {
                String shareId = item.path("shareId").asText();
                if (tableByShare.containsKey(shareId)) {
                    views.put(shareId, item);
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && views.size() < tableByShare.size());
        return views;
    }

    /**
     * Waits until every accepted share has exactly one record and is CREATED with that record's number in the read
     * model; fails at once on a duplicate (it never goes away), and after {@code deadline} with what is still wrong.
     */
    void verify(Duration deadline) {
        AtomicReference<Report> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(deadline).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Report report = check();
                last.set(report);
                if (!report.duplicated.isEmpty()) {
                    throw new AssertionError(report.describe(size()));
                }
                return report.clean();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("after " + deadline.toSeconds() + " s: " + last.get().describe(size()), e);
        }
    }

    private Report check() {
        Map<String, List<String>> records = recordsInServiceNow();
        Report report = new Report();
        for (String shareId : tableByShare.keySet()) {
            List<String> numbers = records.get(shareId);
            if (numbers == null) {
                report.missing.add(shareId);
            } else if (numbers.size() > 1) {
                report.duplicated.put(shareId, numbers);
            }
        }
        if (report.missing.isEmpty() && report.duplicated.isEmpty()) {
            Map<String, JsonNode> views = readModel();
            for (String shareId : tableByShare.keySet()) {
                JsonNode view = views.get(shareId);
                String expected = records.get(shareId).get(0);
                if (view == null) {
                    report.mismatched.put(shareId, "not in the read model");
                } else if (!"CREATED".equals(view.path("status").asText())
                        || !expected.equals(view.path("number").asText())) {
                    report.mismatched.put(shareId, view.path("status").asText() + " " + view.path("number").asText()
                            + " (ServiceNow: " + expected + ")");
                }
            }
        }
        return report;
    }

    /** What is wrong at one look. */
    private static final class Report {

        final List<String> missing = new ArrayList<>();
        final Map<String, List<String>> duplicated = new LinkedHashMap<>();
        final Map<String, String> mismatched = new LinkedHashMap<>();

        boolean clean() {
            return missing.isEmpty() && duplicated.isEmpty() && mismatched.isEmpty();
        }

        String describe(int accepted) {
            return accepted + " accepted shares; " + missing.size() + " without a ServiceNow record " + sample(missing)
                    + "; " + duplicated.size() + " with more than one record " + sample(duplicated.entrySet())
                    + "; " + mismatched.size() + " not CREATED with ServiceNow's number in the read model "
                    + sample(mismatched.entrySet());
        }

        private static String sample(java.util.Collection<?> items) {
            return items.stream().limit(10).toList() + (items.size() > 10 ? " …" : "");
        }
    }
}
