package dev.ticketbridge.ticket.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.client.AccessToken;
import dev.ticketbridge.ticket.client.ConnectionUnavailableException;
import dev.ticketbridge.ticket.client.TokenSource;
import dev.ticketbridge.ticket.client.TokenSourceException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tests only: tokens obtained from the emulator with a real OAuth password grant, standing in for connection-service's
 * token API. Tests choose which ServiceNow user a tenant acts as and can take a tenant's connection away (what
 * connection-service answers with 404/409).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class EmulatorTokenSource implements TokenSource {

    /** A ServiceNow user a tenant's connection was authorised as. */
    public record User(String name, String password) {
    }

    public static final User INTEGRATION = new User(ServiceNowEmulator.INTEGRATION_USER,
            ServiceNowEmulator.INTEGRATION_PASSWORD);
    public static final User ABEL = new User("abel.tuter", "Abel-Demo-1");
    public static final User BETH = new User("beth.anglin", "Beth-Demo-1");

    private static final Map<String, User> USERS = new ConcurrentHashMap<>();
    private static final Map<String, String> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final AtomicInteger REFRESHES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String instanceUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public EmulatorTokenSource(@ConfigProperty(name = ServiceNowEmulatorResource.URL_KEY) String instanceUrl) {
        this.instanceUrl = instanceUrl;
    }

    public static void actAs(String tenantId, User user) {
        USERS.put(tenantId, user);
    }

    /** The tenant's connection cannot give tokens: {@code NOT_CONNECTED} (404) or a status such as NEEDS_REAUTHORIZATION. */
    public static void disconnect(String tenantId, String status) {
        UNAVAILABLE.put(tenantId, status);
    }

    public static void reconnect(String tenantId) {
        UNAVAILABLE.remove(tenantId);
    }

    public static int refreshes() {
        return REFRESHES.get();
    }

    @Override
    public AccessToken current(String tenantId) {
        return passwordGrant(tenantId);
    }

    @Override
    public AccessToken refresh(String tenantId, String rejectedAccessToken) {
        REFRESHES.incrementAndGet();
        return passwordGrant(tenantId);
    }

    private AccessToken passwordGrant(String tenantId) {
        String status = UNAVAILABLE.get(tenantId);
        if (status != null) {
            throw new ConnectionUnavailableException(tenantId, status);
        }
        User user = USERS.getOrDefault(tenantId, INTEGRATION);
        String form = "grant_type=password&client_id=" + enc(ServiceNowEmulator.CLIENT_ID) + "&client_secret="
                + enc(ServiceNowEmulator.CLIENT_SECRET) + "&username=" + enc(user.name()) + "&password="
                + enc(user.password());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instanceUrl + "/oauth_token.do"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().startsWith("{")) {
                throw new TokenSourceException("password grant answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            return new AccessToken(tenantId, instanceUrl, body.path("access_token").asText(),
                    Instant.now().plusSeconds(body.path("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
