package dev.ticketbridge.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother for the API fixture: gateway-shaped actions, tickets, summaries, shares and connections. */
final class Samples {

    static final String SHARE_ID = "6f1c2a52-3f0e-4d7e-9a55-0c2b1d7e4a11";
    static final String SCRIPT_TITLE = "<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned=true\">";

    private Samples() {
    }

    static List<Map<String, Object>> actions() {
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(action("aad_admin_consent_workflow", "Ensure the admin consent workflow is enabled", "Apps", "AzureAD",
                5, 10, "<p>1. Open the Entra admin center.<br />2. Go to Enterprise applications › Consent and "
                        + "permissions.<br />3. Set <b>Users can request admin consent</b> to Yes.</p>"));
        actions.add(action("MFARegistrationV2", "Ensure multifactor authentication is enabled for all users", "Identity",
                "AzureAD", 9, 1, "<p>Require every user to register for multifactor authentication.</p>"
                        + "<ul><li>Create a Conditional Access policy</li><li>Include all users</li></ul>"));
        actions.add(action("mdo_safelinksforemail", "Turn on Safe Links for email messages", "Apps", "MDO", 8, 3,
                "<p>Create a Safe Links policy covering all recipients.</p>"));
        actions.add(action("BlockLegacyAuthentication", "Block legacy authentication", "Identity", "AzureAD", 8, 2,
                "<p>Block protocols that cannot do multifactor authentication.</p>"));
        actions.add(action("mip_autosensitivitylabelspolicies", "Apply sensitivity labels automatically", "Data", "MIP",
                3, 30, "<p>Publish auto-labelling policies for sensitive information types.</p>"));
        actions.add(action("scid_2010", "Turn on Microsoft Defender Antivirus real-time protection", "Devices",
                "MDATP", 7, 12, "<p>Enable real-time protection through Intune or group policy.</p>"));
        return actions;
    }

    static Map<String, Object> action(String id, String title, String category, String service, double maxScore,
            int rank, String remediation) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", id);
        action.put("title", title);
        action.put("category", category);
        action.put("service", service);
        action.put("maxScore", maxScore);
        action.put("rank", rank);
        action.put("tier", "Core");
        action.put("actionType", "Config");
        action.put("actionUrl", "https://entra.microsoft.com/");
        action.put("implementationCost", "Low");
        action.put("userImpact", "Moderate");
        action.put("threats", List.of("Account breach"));
        action.put("remediation", remediation);
        action.put("remediationImpact", "Users are asked to register.");
        return action;
    }

    static List<Map<String, Object>> emptySummary() {
        return List.of(typeSummary("CHANGE_REQUEST", 0, 0, 0, 0, List.of()),
                typeSummary("INCIDENT", 0, 0, 0, 0, List.of()));
    }

    /** Both cards with tickets, in the tenant's own state names ("Awaiting CAB" is a rename). */
    static List<Map<String, Object>> busySummary() {
        return List.of(
                typeSummary("CHANGE_REQUEST", 12, 2, 21, 1, List.of(
                        state("New", "-5", 4), state("Awaiting CAB", "-3", 3), state("Implement", "-1", 2),
                        state("Closed", "3", 2))),
                typeSummary("INCIDENT", 5, 1, 8, 0, List.of(
                        state("New", "1", 2), state("In Progress", "2", 2), state("Resolved", "6", 1))));
    }

    static Map<String, Object> typeSummary(String type, long total, long overdue, double points, long failed,
            List<Map<String, Object>> states) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ticketType", type);
        summary.put("total", total);
        summary.put("pending", 0);
        summary.put("failed", failed);
        summary.put("open", Math.max(0, total - failed));
        summary.put("overdue", overdue);
        summary.put("pointsAtStake", points);
        summary.put("states", states);
        return summary;
    }

    static Map<String, Object> state(String label, String code, long tickets) {
        return Map.of("label", label, "codes", List.of(code), "tickets", tickets);
    }

    static Map<String, Object> connection(String status) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("status", status);
        connection.put("instanceUrl", "https://contoso.service-now.com");
        connection.put("clientId", "3f9a1c0d2b7e4e55");
        connection.put("authorizedBy", "svc-ticketbridge");
        connection.put("detail", null);
        connection.put("updatedAt", "2026-11-20T09:30:00Z");
        return connection;
    }

    /** connection-service's state names: the instance's defaults, the tenant's renames and the result. */
    static Map<String, Object> stateNames() {
        Map<String, Object> defaults = Map.of(
                "change_request", Map.of("-5", "New", "-3", "Authorize", "-1", "Implement", "3", "Closed"),
                "incident", Map.of("1", "New", "2", "In Progress", "6", "Resolved"));
        Map<String, Object> renames = Map.of("change_request", Map.of("-3", "Awaiting CAB"), "incident", Map.of());
        Map<String, Object> effective = Map.of(
                "change_request", Map.of("-5", "New", "-3", "Awaiting CAB", "-1", "Implement", "3", "Closed"),
                "incident", Map.of("1", "New", "2", "In Progress", "6", "Resolved"));
        return Map.of("defaults", defaults, "renames", renames, "effective", effective);
    }

    static Map<String, Object> share(String status) {
        Map<String, Object> view = ticket(SHARE_ID, "CHANGE_REQUEST", status, null, "Block legacy authentication",
                null, "MODERATE", LocalDate.now().plusDays(30), false);
        if (status.equals("CREATED")) {
            view.put("number", "CHG0030042");
            view.put("recordUrl", "https://contoso.service-now.com/change_request.do?sys_id=4c1e");
            view.put("state", Map.of("code", "-5", "label", "New"));
        }
        return view;
    }

    static Map<String, Object> failedShare(String reason, String message) {
        Map<String, Object> view = share("FAILED");
        view.put("failure", Map.of("reason", reason, "message", message));
        return view;
    }

    static Map<String, Object> ticket(String id, String type, String status, String number, String name,
            String stateLabel, String priority, LocalDate due, boolean overdue) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("shareId", id);
        view.put("status", status);
        view.put("ticketType", type);
        view.put("changeType", type.equals("CHANGE_REQUEST") ? "NORMAL" : null);
        view.put("actionId", "BlockLegacyAuthentication");
        view.put("actionTitle", name);
        view.put("category", "Identity");
        view.put("recommendationSource", "MICROSOFT");
        view.put("maxScore", 8.0);
        view.put("taskName", name);
        view.put("description", "Block protocols that cannot do multifactor authentication.");
        view.put("priority", priority);
        view.put("dueDate", due.toString());
        view.put("overdue", overdue);
        view.put("requestedBy", "alex.admin@contoso.example");
        view.put("requestedAt", "2026-11-20T09:30:00Z");
        view.put("number", number);
        view.put("recordUrl", number == null ? null
                : "https://contoso.service-now.com/" + type.toLowerCase() + ".do?sys_id=" + id);
        view.put("state", stateLabel == null ? null : Map.of("code", "-5", "label", stateLabel));
        view.put("assignedTo", null);
        view.put("closed", false);
        view.put("lastUpdated", "2026-11-24T14:05:00Z");
        view.put("failure", null);
        return view;
    }

    /** A mixed list: created change requests and incidents, one overdue, one pending and one failed share. */
    static List<Map<String, Object>> tickets() {
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> tickets = new ArrayList<>();
        tickets.add(ticket("00000000-0000-0000-0000-000000000001", "CHANGE_REQUEST", "PENDING", null,
                "Turn on Safe Links for email messages", null, "HIGH", today.plusDays(30), false));
        Map<String, Object> failed = ticket("00000000-0000-0000-0000-000000000002", "INCIDENT", "FAILED", null,
                "Apply sensitivity labels automatically", null, "LOW", today.plusDays(20), false);
        failed.put("failure", Map.of("reason", "SERVICENOW_REJECTED",
                "message", "Operation against file 'incident' was aborted by Business Rule 'Block external'"));
        tickets.add(failed);
        tickets.add(ticket("00000000-0000-0000-0000-000000000003", "CHANGE_REQUEST", "CREATED", "CHG0030041",
                "Block legacy authentication", "Awaiting CAB", "HIGH", today.minusDays(3), true));
        tickets.add(ticket("00000000-0000-0000-0000-000000000004", "INCIDENT", "CREATED", "INC0010007",
                "Ensure multifactor authentication is enabled for all users", "In Progress", "CRITICAL",
                today.plusDays(5), false));
        tickets.add(ticket("00000000-0000-0000-0000-000000000005", "CHANGE_REQUEST", "CREATED", "CHG0030040",
                "Ensure the admin consent workflow is enabled", "New", "MODERATE", today.plusDays(25), false));
        tickets.add(ticket("00000000-0000-0000-0000-000000000006", "INCIDENT", "CREATED", "INC0010006",
                "Turn on Microsoft Defender Antivirus real-time protection", "New", "MODERATE", today.plusDays(12),
                false));
        return tickets;
    }

    static Map<String, Object> passingCheck() {
        return Map.of("ok", true, "checkedAt", "2026-11-26T10:00:00Z", "items", List.of(
                checkItem("Instance reachable", true, "contoso.service-now.com answered over HTTPS.", null),
                checkItem("Token valid", true, "The access token was refreshed 4 minutes ago.", null),
                checkItem("Can create change requests", true, "", null),
                checkItem("Can create incidents", true, "", null)));
    }

    static Map<String, Object> failingCheck() {
        return Map.of("ok", false, "checkedAt", "2026-11-26T10:00:00Z", "items", List.of(
                checkItem("Instance reachable", true, "contoso.service-now.com answered over HTTPS.", null),
                checkItem("Application Registry readable", false,
                        "Read operation against 'oauth_entity' was refused by the cross-scope access policy",
                        "Set the oauth_entity table to be accessible from all application scopes with Can read selected."),
                checkItem("Can create incidents", true, "", null)));
    }

    private static Map<String, Object> checkItem(String name, boolean ok, String message, String guidance) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item", name);
        item.put("ok", ok);
        item.put("detail", message);
        item.put("guidance", guidance);
        return item;
    }
}
