package dev.ticketbridge.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Users added to the stack's identity provider for a test (through Keycloak's admin API with the local stack's
 * bootstrap administrator), and their real access tokens.
 */
final class KeycloakUsers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakUsers() {
    }

    /** Creates (or keeps) a user of {@code tenantId} holding {@code realmRole}; returns an access token of it. */
    static String tokenOfNewUser(String userName, String password, String tenantId, String realmRole) {
        String issuer = E2eStack.get().keycloakIssuer();
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String realm = issuer.substring(issuer.lastIndexOf('/') + 1);
        String admin = "Bearer " + token(base + "/realms/master", "admin-cli", null, "admin", "admin");
        String users = base + "/admin/realms/" + realm + "/users";
        Map<String, Object> user = Map.of("username", userName, "enabled", true, "email", userName + "@example.com",
                "emailVerified", true, "firstName", "Casey", "lastName", "Second",
                "attributes", Map.of("tid", List.of(tenantId)),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(body(user)));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak did not create " + userName + ": " + created.body());
        }
        String id = read(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + encode(userName)))
                .header("Authorization", admin).GET())).get(0).path("id").asText();
        JsonNode role = read(send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm + "/roles/"
                + encode(realmRole))).header("Authorization", admin).GET()));
        URI roles = URI.create(users + "/" + id + "/role-mappings/realm");
        HttpResponse<String> granted = send(HttpRequest.newBuilder(roles)
                .header("Authorization", admin).header("Content-Type", "application/json").POST(body(List.of(role))));
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not grant " + realmRole + ": " + granted.body());
        }
        return token(issuer, "ticketbridge-gateway", "local-demo-gateway-secret", userName, password);
    }

    private static String token(String realmUrl, String clientId, String clientSecret, String user, String password) {
        String form = "grant_type=password&client_id=" + encode(clientId)
                + (clientSecret == null ? "" : "&client_secret=" + encode(clientSecret))
                + "&username=" + encode(user) + "&password=" + encode(password);
        URI tokenEndpoint = URI.create(realmUrl + "/protocol/openid-connect/token");
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
        }
        return read(response).path("access_token").asText();
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(TenantIsolationTest.json(value));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return Gateway.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
