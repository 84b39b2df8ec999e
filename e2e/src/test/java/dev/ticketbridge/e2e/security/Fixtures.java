package dev.ticketbridge.e2e.security;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The set-ups the security suites share: connections in a known state, shares, and ServiceNow's consent step. */
final class Fixtures {

    /** A second ServiceNow user of the emulator: consenting as this user gives a tenant a grant of its own. */
    static final String OTHER_SERVICENOW_USER = "abel.tuter";
    static final String OTHER_SERVICENOW_PASSWORD = "Abel-Demo-1";

    private Fixtures() {
    }

    static String tenantOf(Gateway user) {
        return user.get("/api/v1/me").expect(200).body().path("tenantId").asText();
    }

    static String userOf(Gateway user) {
        return user.get("/api/v1/me").expect(200).body().path("userId").asText();
    }

    static JsonNode connection(Gateway user) {
        return user.get("/api/v1/connection").expect(200).body();
    }

    static String status(Gateway user) {
        return connection(user).path("status").asText();
    }

    /**
     * Makes sure the caller's tenant is CONNECTED with tokens that still work: a connection whose check fails (its
     * grant was revoked by another scenario, say) is connected again through ServiceNow's consent.
     */
    static void ensureConnected(Gateway admin) {
        if ("CONNECTED".equals(status(admin))
                && admin.post("/api/v1/connection/check", Map.of()).body().path("ok").asBoolean()) {
            return;
        }
        Journeys.connect(admin);
    }

    /** Removes the caller's connection, if it has one (its tokens are revoked at ServiceNow). */
    static void removeConnection(Gateway admin) {
        if (!"NOT_CONNECTED".equals(status(admin))) {
            int status = admin.delete("/api/v1/connection").status();
            if (status != 200 && status != 404) {
                throw new AssertionError("could not remove the connection: HTTP " + status);
            }
        }
    }

    /** The emulator's integration user consenting for the seeded OAuth application. */
    static OAuthLogin integrationUser() {
        return Journeys.integrationUser();
    }

    /** Another ServiceNow user consenting, so the tenant's grant is its own and not shared with other tenants. */
    static OAuthLogin otherServiceNowUser() {
        return integrationUser().as(OTHER_SERVICENOW_USER, OTHER_SERVICENOW_PASSWORD);
    }

    /** Sets up (or replaces) the connection with the login's application; returns the authorize URL. */
    static String setUp(Gateway admin, OAuthLogin login) {
        return admin.put("/api/v1/connection", Map.of("instance", login.instanceUrl(), "clientId", login.clientId(),
                "clientSecret", login.clientSecret())).expect(200).body().path("authorizeUrl").asText();
    }

    /** Goes through ServiceNow's log-in and consent pages; returns the code and state the browser comes back with. */
    static TenantConnector.Redirect consent(String authorizeUrl, OAuthLogin login) {
        return new TenantConnector(E2eStack.get().gatewayUrl()).authorize(authorizeUrl, login);
    }

    /** The browser's return to the gateway's OAuth callback. */
    static Gateway.Answer callback(Gateway admin, String code, String state) {
        StringBuilder query = new StringBuilder("/api/v1/servicenow/oauth/callback?");
        if (code != null) {
            query.append("code=").append(Journeys.encode(code)).append('&');
        }
        if (state != null) {
            query.append("state=").append(Journeys.encode(state));
        }
        return admin.get(query.toString());
    }

    /** Connects through ServiceNow's consent as {@code login}'s user and waits for CONNECTED. */
    static void connect(Gateway admin, OAuthLogin login) {
        TenantConnector.Redirect redirect = consent(setUp(admin, login), login);
        Gateway.Answer answer = callback(admin, redirect.code(), redirect.state());
        if (!answer.location().orElse("").contains("authorized=true")) {
            throw new AssertionError("the authorization did not complete: " + answer);
        }
        await().atMost(Journeys.DEADLINE).until(() -> "CONNECTED".equals(status(admin)));
    }

    /** The portal's share form for the first improvement action of the caller's catalog. */
    static Map<String, Object> shareForm(Gateway admin, String ticketType, String taskName) {
        JsonNode action = admin.get("/api/v1/improvement-actions?size=1&sort=rank").expect(200).body()
                .path("items").get(0);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("ticketType", ticketType);
        form.put("actionId", action.path("id").asText());
        form.put("taskName", taskName);
        form.put("description", "Raised by the security suite.");
        form.put("priority", "HIGH");
        form.put("dueDate", LocalDate.now().plusDays(30).toString());
        form.put("recommendationSource", "MICROSOFT");
        form.put("category", action.path("category").asText());
        return form;
    }

    /** The share id at the end of an accepted share's Location header. */
    static String shareId(Gateway.Answer accepted) {
        String location = accepted.location().orElseThrow(() -> new AssertionError("no Location in " + accepted));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
