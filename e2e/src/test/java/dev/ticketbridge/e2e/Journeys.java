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
final class Journeys {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private Journeys() {
    }

    static ServiceNowEmulator emulator() {
        return ServiceNowEmulator.attach(E2eStack.get().emulatorUrl());
    }

    static OAuthLogin integrationUser() {
        return new OAuthLogin(E2eStack.get().emulatorUrl(), ServiceNowEmulator.CLIENT_ID, ServiceNowEmulator.CLIENT_SECRET,
                ServiceNowEmulator.INTEGRATION_USER, ServiceNowEmulator.INTEGRATION_PASSWORD, true);
    }

    /** Sets up the connection, goes through ServiceNow's log-in and consent pages, and returns the gateway's callback answer. */
    static Gateway.Answer connect(Gateway admin) {
        OAuthLogin login = integrationUser();
        String authorizeUrl = admin.put("/api/v1/connection", Map.of("instance", login.instanceUrl(),
                "clientId", login.clientId(), "clientSecret", login.clientSecret()))
                .expect(200).body().path("authorizeUrl").asText();
        TenantConnector.Redirect redirect = new TenantConnector(E2eStack.get().gatewayUrl()).authorize(authorizeUrl, login);
        Gateway.Answer callback = admin.get("/api/v1/servicenow/oauth/callback?code=" + encode(redirect.code())
                + "&state=" + encode(redirect.state()));
        await().atMost(DEADLINE).until(() -> "CONNECTED".equals(admin.get("/api/v1/connection").body().path("status").asText()));
        return callback;
    }

    /** Shares the first improvement action of the catalog; returns the share id once accepted. */
    static String share(Gateway admin, String ticketType, String taskName) {
        JsonNode action = admin.get("/api/v1/improvement-actions?size=1&sort=rank").expect(200).body().path("items").get(0);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("ticketType", ticketType);
        form.put("actionId", action.path("id").asText());
        form.put("taskName", taskName);
        form.put("description", "Raised from the end-to-end suite.");
        form.put("priority", "HIGH");
        form.put("dueDate", LocalDate.now().plusDays(30).toString());
        form.put("recommendationSource", "MICROSOFT");
        form.put("category", action.path("category").asText());
        Gateway.Answer accepted = admin.post("/api/v1/shares", form).expect(202);
        String location = accepted.location().orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until the share is CREATED and returns its view. */
    static JsonNode awaitCreated(Gateway user, String shareId) {
        return await().atMost(DEADLINE).until(() -> user.get("/api/v1/shares/" + shareId).body(),
                view -> "CREATED".equals(view.path("status").asText()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
