package dev.ticketbridge.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The gateway's REST API as the portal sees it, answering in the JSON shapes of the gateway's DTOs
 * (CatalogAction/ActionPage, ShareView, TicketBoard.TicketPage and Summary, problem+json). Tests set the state it
 * answers from and read the requests it received. It stands in for the gateway only in these UI component tests;
 * the end-to-end module runs the portal against the real stack.
 */
final class ApiFixture {

    /** One request the portal made. */
    record Call(String method, String path, Map<String, String> query, String body, String requestedWith,
            String idempotencyKey) {
    }

    /** One answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {

        static Answer json(int status, Object value) {
            return new Answer(status, "application/json", Json.write(value), Map.of());
        }

        static Answer problem(int status, String title, String detail, List<Map<String, String>> errors) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            if (!errors.isEmpty()) {
                problem.put("errors", errors);
            }
            return new Answer(status, "application/problem+json", Json.write(problem), Map.of());
        }
    }

    volatile boolean meEndpoint = true;
    volatile List<String> roles = List.of("security-admin", "security-reader");
    volatile String userId = "alex.admin@contoso.example";
    /** The connection resource's body; null means no connection (404). */
    volatile Map<String, Object> connection;
    volatile List<Map<String, Object>> summaryTypes = Samples.emptySummary();
    volatile List<Map<String, Object>> actions = Samples.actions();
    volatile List<Map<String, Object>> tickets = List.of();
    /** The answer to POST /shares; null accepts the share. */
    volatile Answer shareRejection;
    /** The share views GET /shares/{id} returns one after another; the last one repeats. */
    volatile List<Map<String, Object>> shareProgress = List.of();
    volatile Map<String, Object> checkResult = Samples.passingCheck();
    volatile String authorizeUrl = "/authorize-landing.html";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private int progressIndex;

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    synchronized Answer handle(Call call) {
        calls.add(call);
        String path = call.path();
        String method = call.method();
        if (method.equals("GET") && path.equals("me")) {
            return meEndpoint ? Answer.json(200, Map.of("userId", userId, "tenantId", "contoso", "roles", roles))
                    : Answer.problem(404, "Not Found", "no such resource", List.of());
        }
        if (method.equals("GET") && path.equals("tickets/summary")) {
            return Answer.json(200, Map.of("connection", connectionState(), "types", summaryTypes));
        }
        if (method.equals("GET") && path.equals("tickets")) {
            return ticketPage(call.query());
        }
        if (method.equals("GET") && path.equals("improvement-actions")) {
            return actionPage(call.query());
        }
        if (path.equals("shares") && method.equals("POST")) {
            return acceptShare();
        }
        if (method.equals("GET") && path.startsWith("shares/")) {
            if (shareProgress.isEmpty()) {
                return Answer.problem(404, "Not Found", "no share", List.of());
            }
            Map<String, Object> view = shareProgress.get(Math.min(progressIndex, shareProgress.size() - 1));
            progressIndex++;
            return Answer.json(200, view);
        }
        return connectionCall(method, path);
    }

    private Answer connectionCall(String method, String path) {
        switch (method + " " + path) {
            case "GET connection":
                return connection == null ? Answer.problem(404, "Not Found", "no ServiceNow connection", List.of())
                        : Answer.json(200, connection);
            case "PUT connection":
                connection = Samples.connection("PENDING_AUTHORIZATION");
                return Answer.json(200, connection);
            case "POST connection/authorization":
                return Answer.json(200, Map.of("status", "PENDING_AUTHORIZATION", "authorizeUrl", authorizeUrl));
            case "GET connection/state-names":
                return connection == null ? Answer.problem(404, "Not Found", "no ServiceNow connection", List.of())
                        : Answer.json(200, Samples.stateNames());
            case "POST connection/check":
                return Answer.json(200, checkResult);
            case "PUT connection/state-names":
                return new Answer(204, "application/json", "", Map.of());
            case "DELETE connection":
                connection = null;
                summaryTypes = Samples.emptySummary();
                return new Answer(204, "application/json", "", Map.of());
            default:
                return Answer.problem(404, "Not Found", "no such resource", List.of());
        }
    }

    private Map<String, Object> connectionState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", connection == null ? "NOT_CONNECTED" : connection.get("status"));
        state.put("instanceUrl", connection == null ? null : connection.get("instanceUrl"));
        state.put("detail", null);
        state.put("since", connection == null ? null : "2026-11-20T09:30:00Z");
        return state;
    }

    private Answer acceptShare() {
        if (shareRejection != null) {
            return shareRejection;
        }
        progressIndex = 0;
        Map<String, Object> pending = shareProgress.isEmpty() ? Samples.share("PENDING") : shareProgress.get(0);
        return new Answer(202, "application/json", Json.write(pending),
                Map.of("Location", "/api/v1/shares/" + pending.get("shareId")));
    }

    private Answer actionPage(Map<String, String> query) {
        String text = query.getOrDefault("text", "").toLowerCase();
        String category = query.getOrDefault("category", "");
        List<Map<String, Object>> matching = new ArrayList<>(actions.stream()
                .filter(a -> category.isEmpty() || category.equals(a.get("category")))
                .filter(a -> text.isEmpty() || a.get("title").toString().toLowerCase().contains(text))
                .toList());
        if ("maxScore".equals(query.get("sort"))) {
            matching.sort(Collections.reverseOrder((a, b) -> Double.compare(
                    ((Number) a.get("maxScore")).doubleValue(), ((Number) b.get("maxScore")).doubleValue())));
        }
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        List<Map<String, Object>> items = matching.subList(Math.min(page * size, matching.size()),
                Math.min((page + 1) * size, matching.size()));
        return Answer.json(200, Map.of("items", items, "page", page, "size", size, "total", matching.size()));
    }

    /** Filters like the gateway (type, status, state label, text, overdue) and pages by an opaque cursor. */
    private Answer ticketPage(Map<String, String> query) {
        String type = query.getOrDefault("type", "");
        String status = query.getOrDefault("status", "");
        String state = query.getOrDefault("state", "");
        String text = query.getOrDefault("text", "").toLowerCase();
        boolean overdue = "true".equals(query.get("overdue"));
        List<Map<String, Object>> matching = tickets.stream()
                .filter(t -> type.isEmpty() || type.equals(t.get("ticketType")))
                .filter(t -> status.isEmpty() || status.equals(t.get("status")))
                .filter(t -> state.isEmpty() || t.get("state") instanceof Map<?, ?> s && state.equals(s.get("label")))
                .filter(t -> text.isEmpty() || String.valueOf(t.get("taskName")).toLowerCase().contains(text)
                        || String.valueOf(t.get("number")).toLowerCase().contains(text))
                .filter(t -> !overdue || Boolean.TRUE.equals(t.get("overdue")))
                .toList();
        int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor").substring(1)) : 0;
        int size = Integer.parseInt(query.getOrDefault("size", "25"));
        int to = Math.min(from + size, matching.size());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", matching.subList(from, to));
        page.put("nextCursor", to < matching.size() ? "c" + to : null);
        return Answer.json(200, page);
    }
}
