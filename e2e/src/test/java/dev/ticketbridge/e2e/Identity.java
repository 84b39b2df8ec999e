package dev.ticketbridge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real access tokens for the demo users, from the stack's Keycloak (password grant of the gateway client). */
public final class Identity {

    public static final String ADMIN = "alex.admin";
    public static final String READER = "riley.reader";
    public static final String OTHER_TENANT_ADMIN = "fran.fabrikam";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Identity() {
    }

    public static String tokenFor(String user) {
        String password = switch (user) {
            case ADMIN -> "alex-demo-pass";
            case READER -> "riley-demo-pass";
            case OTHER_TENANT_ADMIN -> "fran-demo-pass";
            default -> throw new IllegalArgumentException("no demo user " + user);
        };
        String form = "grant_type=password&client_id=ticketbridge-gateway&client_secret=local-demo-gateway-secret"
                + "&username=" + encode(user) + "&password=" + encode(password);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(E2eStack.get().keycloakIssuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
            }
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
