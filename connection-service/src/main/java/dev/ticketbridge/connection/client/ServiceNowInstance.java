package dev.ticketbridge.connection.client;

import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.config.ConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls to a tenant's instance besides the token endpoint: Table API reads and probes, and token revocation. A plain
 * JDK client because the base URL differs per tenant and the check needs raw answers (status, content type, HTML
 * bodies); redirects are never followed, so a validated URL cannot bounce the call elsewhere.
 */
@ApplicationScoped
public class ServiceNowInstance {

    private final HttpClient http;
    private final Duration timeout;

    public ServiceNowInstance(ConnectionConfig config) {
        this.timeout = config.instanceTimeout();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** GET with the access token. */
    public InstanceResponse get(InstanceUrl instance, String pathAndQuery, String accessToken) {
        return send(HttpRequest.newBuilder(instance.resolve(pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .GET().build());
    }

    /** POST of a JSON body with the access token. */
    public InstanceResponse post(InstanceUrl instance, String path, String accessToken, String json) {
        return send(HttpRequest.newBuilder(instance.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Revokes an access or refresh token at {@code /oauth_revoke_token.do}; the token travels in the POST body. */
    public InstanceResponse revoke(InstanceUrl instance, String token) {
        return send(HttpRequest.newBuilder(instance.resolve("/oauth_revoke_token.do")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    }

    private InstanceResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new InstanceResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new InstanceUnreachableException(request.uri().getHost(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnreachableException(request.uri().getHost(), "interrupted");
        }
    }

    /** The instance could not be reached at all. */
    public static class InstanceUnreachableException extends RuntimeException {

        public InstanceUnreachableException(String host, String reason) {
            super("ServiceNow instance " + host + " could not be reached (" + reason + ")");
        }
    }
}
