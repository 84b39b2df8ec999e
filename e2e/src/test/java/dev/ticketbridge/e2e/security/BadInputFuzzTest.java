package dev.ticketbridge.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of bad inputs, generated from a fixed seed (printed; rerun one with {@code -Dticketbridge.fuzz.seed=N}),
 * across every endpoint that takes a body or query parameters, and the path ids: wrong types, missing fields, nulls,
 * 100 kB strings, bad dates, unknown enum values, malformed JSON, script tags, control and bidi characters, negative
 * and huge numbers, bad page sizes, sorts and cursors, wrong content types. No answer may be a server error; every
 * 4xx is {@code application/problem+json} with a title and a detail, naming the field or parameter that was wrong;
 * no script tag comes back outside JSON.
 */
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("ticketbridge.fuzz.seed", 20261126L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> BAD_STRINGS = List.of("", " ", "\t\n", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "\u0000", "a\u0000b", "\u0007\u0008\u001b[31mred", "\u202eevil\u202c",
            "\ufeff", "\ud800", "x".repeat(100_000), "' OR '1'='1' --", "../../etc/passwd", "${jndi:ldap://x/a}",
            "%00", "line\r\nX-Injected: yes", "\ud83d\udd25".repeat(200), "null", "[]", "{}", "1e309",
            "\u0661\u0662\u0663", "a".repeat(161), "a".repeat(4001), "a".repeat(256), "a".repeat(1025));
    private static final List<JsonNode> WRONG_TYPES = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(1.5), NODES.numberNode(1e308),
            NODES.numberNode(new BigInteger("-99999999999999999999999")),
            NODES.booleanNode(true), NODES.arrayNode(), NODES.arrayNode().add(1).add("two"), NODES.objectNode(),
            NODES.objectNode().put("nested", "object"), NODES.nullNode());
    private static final List<String> BAD_DATES = List.of("2026-13-45", "2026-02-30", "yesterday", "", "0000-00-00",
            "+999999999-12-31", "-999999999-01-01", "2020-01-01", "1970-01-01", "2027-01-01T00:00:00Z", "01/02/2027",
            "+10000-01-01", "9999-12-31", "+5874898-01-01", "20270101", "2027-1-1", "<script>alert(1)</script>",
            "2027-01-01\u0000");
    private static final List<String> BAD_ENUMS = List.of("CHANGE", "change request", "INCIDENTS", "", " ",
            "INCIDENT\u0000", "<script>alert(1)</script>", "0", "null", "__proto__", "x".repeat(100_000));
    /** Query values stay below the HTTP server's 4 kB request line; longer ones are refused before the API (414). */
    private static final List<String> BAD_QUERY_ENUMS = List.of("CHANGE", "change request", "INCIDENTS", "", " ",
            "INCIDENT\u0000", "<script>alert(1)</script>", "0", "null", "__proto__", "x".repeat(3000));
    private static final List<String> BAD_NUMBERS = List.of("-1", "0", "100000", "2147483648", "-2147483649",
            "9223372036854775808", "1e3", "abc", "", " ", "0x10", "1.5", "\uff19", "10 ", "+5", "null",
            "<script>alert(1)</script>", "\u0000", "-0", "99999999999999999999999", "2147483647");
    private static final List<String> BAD_TEXTS = List.of("<script>alert(1)</script>", "\u0000", "a\u0000b", "%", "_",
            "\\", "' OR 1=1 --", "x".repeat(3000), "\u0007\u001b[2J", "\u202eevil", "\ud800", "\ufeff", "*", ".*",
            "${jndi:ldap://x/a}", "\"", "{}", "[]");
    private static final List<String> ENUM_FIELDS = List.of("ticketType", "changeType", "priority",
            "recommendationSource", "category");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ebcdic",
            "application/jsonx", "garbage", "application/json;;", "text/html", "image/png");
    private static final List<String> MALFORMED = List.of("{", "}", "[]", "null", "\"text\"", "{\"ticketType\":}",
            "{\"a\":1,}", "{'single':'quotes'}", "", "   ", "[".repeat(5000), "{\"taskName\":\"" + "x".repeat(100_000),
            "\u0000", "{}garbage", "\ufeff{}", "{\"x\":1e999999}", "<xml/>", "{\"renames\":{\"incident\":{\"2\":");

    private final List<Case> cases = new ArrayList<>();
    private Random random;

    /** One bad input: the endpoint it goes to, the fields or parameters its problem may name (empty: any), the call. */
    private record Case(String endpoint, List<String> fields, Api.Call call) {
    }

    @Test
    void noBadInputCausesAServerErrorOrAnAnswerWithoutAProblem() {
        System.out.printf("bad-input fuzz: seed %d (rerun with -Dticketbridge.fuzz.seed=%d)%n", SEED, SEED);
        random = new Random(SEED);
        String token = Identity.tokenFor(Identity.OTHER_TENANT_ADMIN);
        Gateway fabrikam = Gateway.as(Identity.OTHER_TENANT_ADMIN);
        // The fuzzing tenant waits for authorization: state-name checks have labels to check against, and a set-up
        // that happens to be valid replaces a connection that holds no tokens.
        Fixtures.setUp(fabrikam, Fixtures.otherServiceNowUser());
        ObjectNode share = Gateway.JSON.valueToTree(Fixtures.shareForm(fabrikam, "CHANGE_REQUEST", "Fuzz base"));
        ObjectNode connection = NODES.objectNode().put("instance", E2eStack.get().emulatorUrl())
                .put("clientId", ServiceNowEmulator.CLIENT_ID).put("clientSecret", "fuzz-secret");
        ObjectNode renames = NODES.objectNode();
        renames.putObject("renames").putObject("incident").put("2", "Fuzzed label");

        bodies(token, "POST", "/api/v1/shares", share, 150);
        bodies(token, "PUT", "/api/v1/connection", connection, 70);
        stateNames(token, renames, 60);
        for (String path : List.of("/api/v1/shares", "/api/v1/connection", "/api/v1/connection/state-names")) {
            String method = path.equals("/api/v1/shares") ? "POST" : "PUT";
            String valid = path.equals("/api/v1/shares") ? share.toString()
                    : path.endsWith("state-names") ? renames.toString() : connection.toString();
            CONTENT_TYPES.forEach(type -> add(path, List.of(), Api.Call.of(method, path, token).withBody(type, valid)));
            add(path, List.of(), Api.Call.of(method, path, token).withBody(null, valid));
            MALFORMED.forEach(text -> add(path, List.of(),
                    Api.Call.of(method, path, token).withBody("application/json", text)));
        }
        idempotencyKeys(token, share);
        List<String> sorts = List.of("unknown", "rank;drop table x", "", "<script>alert(1)</script>", "rank,maxScore",
                "__proto__", "-rank", "\u0000");
        queries(token, "/api/v1/improvement-actions", Map.of("category", BAD_QUERY_ENUMS, "service", BAD_TEXTS,
                "text", BAD_TEXTS, "sort", sorts, "page", BAD_NUMBERS, "size", BAD_NUMBERS), 60);
        queries(token, "/api/v1/tickets", Map.of("type", BAD_QUERY_ENUMS, "status", BAD_QUERY_ENUMS, "state", BAD_TEXTS,
                "text", BAD_TEXTS, "overdue", List.of("maybe", "1", "yes", "", "TRUE", "\u0000"), "cursor", cursors(),
                "size", BAD_NUMBERS), 80);
        queries(token, "/api/v1/audit", Map.of("before", BAD_NUMBERS, "size", BAD_NUMBERS), 30);
        queries(token, "/api/v1/servicenow/oauth/callback", Map.of("code", BAD_TEXTS, "state", BAD_TEXTS, "error",
                BAD_TEXTS, "error_description", BAD_TEXTS), 25);
        for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", UUID.randomUUID().toString(),
                "<script>alert(1)</script>", "\u0000", "..", "%2e%2e", "a%2Fb", "x".repeat(3000), "' OR 1=1 --",
                "\u202eevil", "\ud83d\udd25", "null", "-1", " ")) {
            String segment = id.startsWith("%") || id.contains("%2") ? id : encode(id);
            add("/api/v1/shares/{id}", List.of(), Api.Call.of("GET", "/api/v1/shares/" + segment, token));
            add("/api/v1/improvement-actions/{id}", List.of(),
                    Api.Call.of("GET", "/api/v1/improvement-actions/" + segment, token));
        }

        Map<String, long[]> byEndpoint = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        for (Case bad : cases) {
            long started = System.nanoTime();
            Api.Response answer = Api.send(bad.call());
            long[] counts = byEndpoint.computeIfAbsent(bad.endpoint(), e -> new long[7]);
            counts[Math.min(answer.status() / 100, 5)]++;
            counts[6] += System.nanoTime() - started;
            String what = bad.call().describe() + " -> " + answer;
            if (answer.status() >= 500) {
                serverErrors.add(what);
            } else if (answer.status() >= 400) {
                JsonNode problem = answer.json();
                if (!answer.isProblem() || problem.path("title").asText().isBlank()
                        || problem.path("detail").asText().isBlank()) {
                    notProblems.add(what);
                } else if (!bad.fields().isEmpty() && bad.fields().stream().noneMatch(f -> names(problem, f))) {
                    unnamed.add("should name " + String.join(" or ", bad.fields()) + ": " + what);
                }
            }
            String outsideJson = (answer.isJson() ? "" : answer.body()) + answer.location().orElse("");
            if (outsideJson.toLowerCase(Locale.ROOT).contains("<script")) {
                echoed.add(what);
            }
        }
        System.out.printf("bad-input fuzz: %d inputs, %d server errors, %d 4xx without a problem, %d problems not "
                + "naming the field, %d script tags echoed%n", cases.size(), serverErrors.size(), notProblems.size(),
                unnamed.size(), echoed.size());
        byEndpoint.forEach((endpoint, counts) -> System.out.printf(
                "  %-40s 2xx %3d  3xx %3d  4xx %3d  5xx %3d  %5.1f s%n",
                endpoint, counts[2], counts[3], counts[4], counts[5], counts[6] / 1e9));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(500);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(serverErrors).as("server errors").isEmpty();
            softly.assertThat(notProblems).as("4xx answers without a problem title and detail").isEmpty();
            softly.assertThat(unnamed).as("problems that do not name the bad field").isEmpty();
            softly.assertThat(echoed).as("script tags echoed outside JSON").isEmpty();
        });
    }

    /** {@code count} copies of a valid body, each with one or two fields replaced by a bad value or removed. */
    private void bodies(String token, String method, String path, ObjectNode valid, int count) {
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        if (path.equals("/api/v1/shares")) {
            fields.add("changeType");
        }
        for (int i = 0; i < count; i++) {
            ObjectNode body = valid.deepCopy();
            List<String> mutated = new ArrayList<>(List.of(pick(fields)));
            if (random.nextInt(4) == 0) {
                mutated.add(pick(fields));
            }
            mutated.forEach(field -> mutate(body, field));
            add(path, mutated, Api.Call.of(method, path, token).withBody("application/json", body.toString()));
        }
    }

    private void mutate(ObjectNode body, String field) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            body.remove(field);
        } else if (kind <= 3) {
            body.set(field, pick(WRONG_TYPES));
        } else if (field.equals("dueDate")) {
            body.put(field, pick(BAD_DATES));
        } else if (ENUM_FIELDS.contains(field)) {
            body.put(field, pick(BAD_ENUMS));
        } else {
            body.put(field, pick(BAD_STRINGS));
        }
    }

    /** Renames with a bad table, state code or label, or a bad shape. */
    private void stateNames(String token, ObjectNode valid, int count) {
        String path = "/api/v1/connection/state-names";
        for (int i = 0; i < count; i++) {
            ObjectNode body = NODES.objectNode();
            String field;
            switch (random.nextInt(5)) {
                case 0 -> {
                    field = "renames";
                    body.set("renames", pick(WRONG_TYPES));
                }
                case 1 -> {
                    field = pick(List.of("unknown_table", "<script>alert(1)</script>", "incident\u0000", "INCIDENT",
                            "x"));
                    body.putObject("renames").putObject(field).put("2", "Fuzzed");
                }
                case 2 -> {
                    field = "incident";
                    body.putObject("renames").putObject("incident").put(pick(List.of("99", "-1", "", "abc", "\u0000",
                            "<script>alert(1)</script>", "2 ", "x".repeat(1000))), "Fuzzed");
                }
                case 3 -> {
                    field = "incident";
                    body.putObject("renames").putObject("incident").put("2", pick(BAD_STRINGS));
                }
                default -> {
                    field = "incident";
                    body.putObject("renames").putObject("incident").set("2", pick(WRONG_TYPES));
                }
            }
            add(path, List.of(field), Api.Call.of("PUT", path, token).withBody("application/json", body.toString()));
        }
    }

    private void idempotencyKeys(String token, ObjectNode share) {
        for (String key : List.of("k".repeat(201), " ", "k".repeat(5000), "<script>alert(1)</script>")) {
            add("/api/v1/shares", List.of("Idempotency-Key"), Api.Call.of("POST", "/api/v1/shares", token)
                    .withBody("application/json", share.toString()).withHeader("Idempotency-Key", key));
        }
    }

    /** {@code count} queries, each with one or two parameters set to a bad value. */
    private void queries(String token, String path, Map<String, List<String>> values, int count) {
        List<String> names = new ArrayList<>(new TreeMap<>(values).keySet());
        for (int i = 0; i < count; i++) {
            List<String> set = new ArrayList<>(List.of(pick(names)));
            if (random.nextInt(3) == 0) {
                set.add(pick(names));
            }
            StringBuilder query = new StringBuilder();
            set.forEach(name -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(encode(pick(values.get(name)))));
            boolean callback = path.endsWith("callback");
            add(path, callback ? List.of() : set, Api.Call.of("GET", path + "?" + query, token));
        }
    }

    private static List<String> cursors() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String id = UUID.randomUUID().toString();
        return List.of("garbage", "%%%", "", "A", "====", "YQ", "x".repeat(3000),
                base64.encodeToString("x:y".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((Long.MIN_VALUE + ":" + id).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((Long.MAX_VALUE + ":" + id).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("-62135596800000001:" + id).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("1:not-a-uuid".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("1:" + id + ":extra").getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("\u0000:\u0000".getBytes(StandardCharsets.UTF_8)),
                "<script>alert(1)</script>");
    }

    private void add(String endpoint, List<String> fields, Api.Call call) {
        cases.add(new Case(endpoint, fields, call));
    }

    /** Whether the problem names the field: in {@code errors}, or in its detail. */
    private static boolean names(JsonNode problem, String field) {
        String wanted = field.toLowerCase(Locale.ROOT);
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return problem.path("detail").asText().toLowerCase(Locale.ROOT).contains(wanted);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
