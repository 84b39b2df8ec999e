package dev.ticketbridge.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an administrator does in the portal, step by step, through the gateway's API. */
public final class Journeys {

    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Journeys() {
    }

    public static ServiceNowEmulator emulator() {
        return ServiceNowEmulator.attach(E2eStack.get().emulatorUrl());
    }

    public static OAuthLogin integrationUser() {
        return new OAuthLogin(E2eStack.get().emulatorUrl(), ServiceNowEmulator.CLIENT_ID, ServiceNowEmulator.CLIENT_SECRET,
                ServiceNowEmulator.INTEGRATION_USER, ServiceNowEmulator.INTEGRATION_PASSWORD, true);
    }

    /** The integration user of another emulated instance (the stack's second one, for example). */
    public static OAuthLogin integrationUser(String instanceUrl) {
        return new OAuthLogin(instanceUrl, ServiceNowEmulator.CLIENT_ID, ServiceNowEmulator.CLIENT_SECRET,
                ServiceNowEmulator.INTEGRATION_USER, ServiceNowEmulator.INTEGRATION_PASSWORD, true);
    }

    /** Sets up the connection, goes through ServiceNow's log-in and consent pages, and returns the gateway's callback answer. */
    public static Gateway.Answer connect(Gateway admin) {
        return connect(admin, E2eStack.get().emulatorUrl());
    }

    /** As {@link #connect(Gateway)}, to the emulated instance at {@code instanceUrl}. */
    public static Gateway.Answer connect(Gateway admin, String instanceUrl) {
        OAuthLogin login = integrationUser(instanceUrl);
        String authorizeUrl = admin.put("/api/v1/connection", Map.of("instance", login.instanceUrl(),
                "clientId", login.clientId(), "clientSecret", login.clientSecret()))
                .expect(200).body().path("authorizeUrl").asText();
        TenantConnector.Redirect redirect = new TenantConnector(E2eStack.get().gatewayUrl()).authorize(authorizeUrl, login);
        Gateway.Answer callback = admin.get("/api/v1/servicenow/oauth/callback?code=" + encode(redirect.code())
                + "&state=" + encode(redirect.state()));
        await().atMost(DEADLINE).until(() -> "CONNECTED".equals(admin.get("/api/v1/connection").body().path("status").asText()));
        return callback;
    }

    /**
     * Makes sure the caller's tenant is CONNECTED to the instance at {@code instanceUrl} with tokens that work,
     * connecting it (again) when it is not connected, connected elsewhere, or fails the connection check (its grant
     * revoked by an earlier scenario: tenants connected to one emulated instance share its integration user's tokens).
     */
    public static void ensureConnected(Gateway admin, String instanceUrl) {
        JsonNode connection = admin.get("/api/v1/connection").expect(200).body();
        boolean here = stripSlash(connection.path("instanceUrl").asText()).equals(stripSlash(instanceUrl));
        if (here && "CONNECTED".equals(connection.path("status").asText())
                && admin.post("/api/v1/connection/check", Map.of()).body().path("ok").asBoolean()) {
            return;
        }
        connect(admin, instanceUrl);
    }

    /** The first improvement action of the caller's catalog (by rank). */
    public static JsonNode firstAction(Gateway user) {
        return user.get("/api/v1/improvement-actions?size=1&sort=rank").expect(200).body().path("items").get(0);
    }

    /** The share form the portal sends for {@code action}. */
    public static Map<String, Object> shareForm(JsonNode action, String ticketType, String taskName) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("ticketType", ticketType);
        form.put("actionId", action.path("id").asText());
        form.put("taskName", taskName);
        form.put("description", "Raised from the end-to-end suite.");
        form.put("priority", "HIGH");
        form.put("dueDate", LocalDate.now().plusDays(30).toString());
        form.put("recommendationSource", "MICROSOFT");
        form.put("category", action.path("category").asText());
        return form;
    }

    /** The share id at the end of an accepted share's Location header. */
    public static String shareId(Gateway.Answer accepted) {
        String location = accepted.location().orElseThrow(() -> new AssertionError("no Location in " + accepted));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Shares the first improvement action of the catalog; returns the share id once accepted. */
    public static String share(Gateway admin, String ticketType, String taskName) {
        Map<String, Object> form = shareForm(firstAction(admin), ticketType, taskName);
        return shareId(admin.post("/api/v1/shares", form).expect(202));
    }

    /** Waits until the share is CREATED and returns its view. */
    public static JsonNode awaitCreated(Gateway user, String shareId) {
        return await().atMost(DEADLINE).until(() -> user.get("/api/v1/shares/" + shareId).body(),
                view -> "CREATED".equals(view.path("status").asText()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
