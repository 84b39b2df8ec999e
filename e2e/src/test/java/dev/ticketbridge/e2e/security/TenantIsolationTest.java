package dev.ticketbridge.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation and roles across every endpoint the gateway documents. Contoso's administrator creates data
 * (a connection, a renamed state, a change request and an incident, an idempotency key, an authorization in
 * progress); Fabrikam's administrator and Contoso's reader then try every read and write of the API on Contoso's ids.
 * Reads of another tenant's ids answer 404, role-denied writes 403, and no answer to Fabrikam ever carries Contoso's
 * data (its tenant id, user id, share ids, ServiceNow records, task names, state labels or OAuth state and code).
 * Without a token, or with a forged one, every endpoint answers 401.
 */
class TenantIsolationTest {

    private enum Actor { OTHER_TENANT_ADMIN, READER }

    private static String contosoToken;
    private static String fabrikamToken;
    private static String readerToken;
    private static Gateway contoso;
    private static Gateway fabrikam;
    /** What only Contoso's data contains, by what it is. */
    private static final Map<String, String> CONTOSO_MARKERS = new LinkedHashMap<>();
    private static String changeShare;
    private static String incidentShare;
    private static String actionId;
    private static String idempotencyKey;
    private static TenantConnector.Redirect contosoAuthorization;
    private static JsonNode contosoConnectionBefore;

    /** Probes per documented endpoint ("METHOD /path"): what each actor tries there and what it must get. */
    private final Map<String, BiConsumer<Actor, Walk>> probes = probes();

    @BeforeAll
    static void contosoHasData() {
        contosoToken = Identity.tokenFor(Identity.ADMIN);
        fabrikamToken = Identity.tokenFor(Identity.OTHER_TENANT_ADMIN);
        readerToken = Identity.tokenFor(Identity.READER);
        contoso = Gateway.as(Identity.ADMIN);
        fabrikam = Gateway.as(Identity.OTHER_TENANT_ADMIN);
        // Fabrikam starts without a connection: its own removal below must not revoke a grant Contoso shares.
        Fixtures.removeConnection(fabrikam);
        Fixtures.ensureConnected(contoso);

        String marker = "iso" + UUID.randomUUID().toString().substring(0, 8);
        changeShare = Journeys.share(contoso, "CHANGE_REQUEST", "Isolation change " + marker);
        idempotencyKey = "isolation-" + marker;
        Map<String, Object> incidentForm = Fixtures.shareForm(contoso, "INCIDENT", "Isolation incident " + marker);
        actionId = incidentForm.get("actionId").toString();
        Api.Response incident = Api.send(Api.Call.of("POST", "/api/v1/shares", contosoToken)
                .withBody("application/json", json(incidentForm)).withHeader("Idempotency-Key", idempotencyKey));
        assertThat(incident.status()).as("Contoso's incident share: %s", incident).isEqualTo(202);
        incidentShare = incident.json().path("shareId").asText();
        // Record URLs, not numbers: tenants on different instances may well have the same ticket number.
        String changeRecord = Journeys.awaitCreated(contoso, changeShare).path("recordUrl").asText();
        String incidentRecord = Journeys.awaitCreated(contoso, incidentShare).path("recordUrl").asText();
        String label = "Isolated " + marker;
        contoso.put("/api/v1/connection/state-names", Map.of("renames", Map.of("incident", Map.of("2", label))))
                .expect(200);
        String authorizeUrl = contoso.post("/api/v1/connection/authorization", Map.of()).expect(200).body()
                .path("authorizeUrl").asText();
        contosoAuthorization = Fixtures.consent(authorizeUrl, Fixtures.integrationUser());
        contosoConnectionBefore = Fixtures.connection(contoso);

        CONTOSO_MARKERS.put("Contoso's tenant id", Fixtures.tenantOf(contoso));
        CONTOSO_MARKERS.put("Contoso administrator's user id", Fixtures.userOf(contoso));
        CONTOSO_MARKERS.put("Contoso's task name", marker);
        CONTOSO_MARKERS.put("Contoso's change share id", changeShare);
        CONTOSO_MARKERS.put("Contoso's incident share id", incidentShare);
        CONTOSO_MARKERS.put("Contoso's change record", changeRecord);
        CONTOSO_MARKERS.put("Contoso's incident record", incidentRecord);
        CONTOSO_MARKERS.put("Contoso's renamed state", label);
        CONTOSO_MARKERS.put("Contoso's OAuth state", contosoAuthorization.state());
        CONTOSO_MARKERS.put("Contoso's OAuth code", contosoAuthorization.code());
    }

    @Test
    void anotherTenantSeesNothingAndAReaderChangesNothingOnAnyEndpoint() {
        List<Endpoints.Endpoint> documented = Endpoints.documented();
        List<String> unclassified = documented.stream().map(Endpoints.Endpoint::key)
                .filter(key -> !probes.containsKey(key)).toList();
        assertThat(unclassified).as("documented endpoints this suite does not classify yet").isEmpty();
        assertThat(probes.keySet()).as("classified endpoints the gateway no longer documents")
                .isSubsetOf(documented.stream().map(Endpoints.Endpoint::key).toList());

        Walk walk = new Walk();
        for (Endpoints.Endpoint endpoint : documented) {
            for (Actor actor : Actor.values()) {
                probes.get(endpoint.key()).accept(actor, walk);
            }
        }
        System.out.printf("tenant isolation: %d calls on %d endpoints, %d leaks, %d wrong answers%n", walk.calls,
                documented.size(), walk.leaks.size(), walk.wrong.size());
        assertThat(walk.leaks).as("answers to Fabrikam carrying Contoso's data").isEmpty();
        assertThat(walk.wrong).as("answers other than the expected status").isEmpty();

        JsonNode after = Fixtures.connection(contoso);
        for (String field : List.of("status", "instanceUrl", "clientId", "authorizedBy")) {
            assertThat(after.path(field)).as("Contoso's connection %s", field)
                    .isEqualTo(contosoConnectionBefore.path(field));
        }
        assertThat(contoso.get("/api/v1/connection/state-names").expect(200).body().path("renames").path("incident")
                .path("2").asText()).isEqualTo(CONTOSO_MARKERS.get("Contoso's renamed state"));
        contoso.get("/api/v1/shares/" + changeShare).expect(200);
        contoso.get("/api/v1/shares/" + incidentShare).expect(200);

        List<String> reverseLeaks = new ArrayList<>();
        Map<String, String> fabrikamMarkers = Map.of("Fabrikam's tenant id", Fixtures.tenantOf(fabrikam),
                "Fabrikam's share id", walk.fabrikamShare, "Fabrikam's task name", walk.fabrikamTask);
        for (String path : List.of("/api/v1/tickets?size=100", "/api/v1/tickets/summary", "/api/v1/audit?size=100",
                "/api/v1/connection", "/api/v1/connection/state-names",
                "/api/v1/tickets?text=" + Journeys.encode(walk.fabrikamTask))) {
            Api.Response answer = Api.send(Api.Call.of("GET", path, contosoToken));
            fabrikamMarkers.forEach((what, value) -> {
                if (answer.body().contains(value)) {
                    reverseLeaks.add("GET " + path + " showed Contoso " + what);
                }
            });
        }
        assertThat(Api.send(Api.Call.of("GET", "/api/v1/shares/" + walk.fabrikamShare, contosoToken)).status())
                .as("Contoso reading Fabrikam's share").isEqualTo(404);
        assertThat(reverseLeaks).isEmpty();
    }

    @Test
    void everyEndpointRefusesAMissingOrForgedToken() throws IOException {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("not a JWT", "not-a-token");
        forged.put("another issuer's self-signed token", Tokens.selfSignedByOtherIssuer(contosoToken,
                "https://login.evil.example/realms/ticketbridge"));
        forged.put("the issuer's name and key id, signed with another key", Tokens.resignedWithOwnKey(contosoToken));
        forged.put("an unsigned token (alg none)", Tokens.unsigned(contosoToken));
        forged.put("Fabrikam's token edited to Contoso's tenant", Tokens.withEditedClaim(fabrikamToken, "tid",
                CONTOSO_MARKERS.get("Contoso's tenant id")));

        long introspectionsBefore = introspectionLines();
        List<String> accepted = new ArrayList<>();
        int calls = 0;
        for (Endpoints.Endpoint endpoint : Endpoints.documented()) {
            String path = endpoint.pathWith(Map.of("id", endpoint.path().contains("shares") ? changeShare : actionId));
            for (Map.Entry<String, String> token : forged.entrySet()) {
                Api.Call call = Api.Call.of(endpoint.method(), path, token.getValue());
                if (endpoint.takesBody()) {
                    call = call.withBody("application/json", "{}");
                }
                Api.Response answer = Api.send(call);
                calls++;
                if (answer.status() != 401 || !answer.isProblem()) {
                    accepted.add(endpoint.key() + " with " + token.getKey() + " answered " + answer);
                }
            }
        }
        System.out.printf("tenant isolation: %d calls without a valid token, %d not refused with 401%n", calls,
                accepted.size());
        assertThat(accepted).isEmpty();
        assertThat(introspectionLines()).as("tokens sent to the identity provider for introspection")
                .isEqualTo(introspectionsBefore);
    }

    /** Lines of the gateway's log about introspecting a token at the identity provider. */
    private static long introspectionLines() throws IOException {
        try (Stream<String> lines = Files.lines(E2eStack.get().logs().resolve("gateway.log"))) {
            return lines.filter(line -> line.contains("introspect")).count();
        }
    }

    /** The expected outcome of every documented endpoint, per actor. */
    private Map<String, BiConsumer<Actor, Walk>> probes() {
        Map<String, BiConsumer<Actor, Walk>> probes = new LinkedHashMap<>();
        probes.put("GET /api/v1/me", (actor, walk) -> walk.expect(actor, "GET", "/api/v1/me", null, Set.of(200)));
        probes.put("GET /api/v1/audit", (actor, walk) -> walk.expect(actor, "GET", "/api/v1/audit?size=100", null,
                actor == Actor.READER ? Set.of(403) : Set.of(200)));
        probes.put("GET /api/v1/connection", (actor, walk) -> walk.expect(actor, "GET", "/api/v1/connection", null,
                Set.of(200)));
        probes.put("PUT /api/v1/connection", (actor, walk) -> walk.expect(actor, "PUT", "/api/v1/connection",
                Map.of("instance", E2eStack.get().emulatorUrl(), "clientId", Fixtures.integrationUser().clientId(),
                        "clientSecret", Fixtures.integrationUser().clientSecret()),
                actor == Actor.READER ? Set.of(403) : Set.of(200)));
        probes.put("DELETE /api/v1/connection", (actor, walk) -> walk.expect(actor, "DELETE", "/api/v1/connection",
                null, actor == Actor.READER ? Set.of(403) : Set.of(200, 404)));
        probes.put("POST /api/v1/connection/authorization", (actor, walk) -> walk.expect(actor, "POST",
                "/api/v1/connection/authorization", Map.of(), actor == Actor.READER ? Set.of(403) : Set.of(200, 404)));
        probes.put("POST /api/v1/connection/check", (actor, walk) -> walk.expect(actor, "POST",
                "/api/v1/connection/check", Map.of(), actor == Actor.READER ? Set.of(200) : Set.of(200, 404, 409)));
        probes.put("GET /api/v1/connection/state-names", (actor, walk) -> walk.expect(actor, "GET",
                "/api/v1/connection/state-names", null, actor == Actor.READER ? Set.of(200) : Set.of(200, 404)));
        probes.put("PUT /api/v1/connection/state-names", (actor, walk) -> walk.expect(actor, "PUT",
                "/api/v1/connection/state-names",
                Map.of("renames", Map.of("incident", Map.of("2", "Renamed by " + actor))),
                actor == Actor.READER ? Set.of(403) : Set.of(200, 404)));
        probes.put("GET /api/v1/improvement-actions", (actor, walk) -> {
            walk.expect(actor, "GET", "/api/v1/improvement-actions?size=100", null, Set.of(200));
            walk.expect(actor, "GET", "/api/v1/improvement-actions?text=" + CONTOSO_MARKERS.get("Contoso's task name"),
                    null, Set.of(200));
        });
        probes.put("GET /api/v1/improvement-actions/{id}", (actor, walk) -> walk.expect(actor, "GET",
                "/api/v1/improvement-actions/" + actionId, null, Set.of(200)));
        probes.put("GET /api/v1/servicenow/oauth/callback", (actor, walk) -> {
            Api.Response answer = walk.expect(actor, "GET", "/api/v1/servicenow/oauth/callback?code="
                    + Journeys.encode(contosoAuthorization.code())
                    + "&state=" + Journeys.encode(contosoAuthorization.state()),
                    null, actor == Actor.READER ? Set.of(403) : Set.of(303));
            if (actor == Actor.OTHER_TENANT_ADMIN && !answer.location().orElse("").contains("error=")) {
                walk.wrong.add("Fabrikam completing Contoso's authorization was not refused: " + answer);
            }
        });
        probes.put("POST /api/v1/shares", (actor, walk) -> {
            String task = "Fabrikam's own " + UUID.randomUUID().toString().substring(0, 8);
            Api.Response answer = walk.send(actor, Api.Call.of("POST", "/api/v1/shares", walk.token(actor))
                    .withBody("application/json", json(Fixtures.shareForm(fabrikam, "INCIDENT", task)))
                    .withHeader("Idempotency-Key", idempotencyKey), actor == Actor.READER ? Set.of(403) : Set.of(202));
            if (actor == Actor.OTHER_TENANT_ADMIN) {
                walk.fabrikamShare = answer.json().path("shareId").asText();
                walk.fabrikamTask = task;
            }
        });
        probes.put("GET /api/v1/shares/{id}", (actor, walk) -> {
            for (String share : List.of(changeShare, incidentShare)) {
                walk.expect(actor, "GET", "/api/v1/shares/" + share, null,
                        actor == Actor.READER ? Set.of(200) : Set.of(404));
            }
        });
        probes.put("GET /api/v1/tickets", (actor, walk) -> {
            walk.expect(actor, "GET", "/api/v1/tickets?size=100", null, Set.of(200));
            walk.expect(actor, "GET", "/api/v1/tickets?text=" + CONTOSO_MARKERS.get("Contoso's task name"), null,
                    Set.of(200));
            walk.expect(actor, "GET", "/api/v1/tickets?state=" + Journeys.encode(CONTOSO_MARKERS.get(
                    "Contoso's renamed state")), null, Set.of(200));
        });
        probes.put("GET /api/v1/tickets/summary", (actor, walk) -> walk.expect(actor, "GET",
                "/api/v1/tickets/summary", null, Set.of(200)));
        return probes;
    }

    /** The calls made so far, the leaks found and the answers that were not the expected ones. */
    private static final class Walk {

        int calls;
        final List<String> leaks = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();
        String fabrikamShare = "none";
        String fabrikamTask = "none";

        String token(Actor actor) {
            return actor == Actor.READER ? readerToken : fabrikamToken;
        }

        Api.Response expect(Actor actor, String method, String path, Object body, Set<Integer> statuses) {
            Api.Call call = Api.Call.of(method, path, token(actor));
            return send(actor, body == null ? call : call.withBody("application/json", json(body)), statuses);
        }

        Api.Response send(Actor actor, Api.Call call, Set<Integer> statuses) {
            Api.Response answer = Api.send(call);
            calls++;
            if (!statuses.contains(answer.status())) {
                wrong.add(actor + " " + call.describe() + ": expected " + statuses + ", got " + answer);
            } else if (answer.status() >= 400 && !answer.isProblem()) {
                wrong.add(actor + " " + call.describe() + ": not problem+json: " + answer);
            }
            if (actor == Actor.OTHER_TENANT_ADMIN) {
                String seen = answer.body() + " " + answer.location().orElse("");
                String sent = call.pathAndQuery() + " " + call.body();
                CONTOSO_MARKERS.forEach((what, value) -> {
                    // An id the caller sent may come back in the refusal ("no share <id>"): it learned nothing.
                    if (seen.contains(value) && !sent.contains(value)) {
                        leaks.add(call.describe() + " showed Fabrikam " + what + ": " + answer);
                    }
                });
            }
            return answer;
        }
    }

    static String json(Object body) {
        try {
            return Gateway.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
