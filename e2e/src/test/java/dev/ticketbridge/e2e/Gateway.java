package dev.ticketbridge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The gateway's public REST API as a client application sees it: a bearer token of one demo user. */
public final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final Consumer<String> observer;

    private Gateway(String baseUrl, String token, Consumer<String> observer) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.observer = observer;
    }

    public static Gateway as(String user) {
        return new Gateway(E2eStack.get().gatewayUrl(), Identity.tokenFor(user), text -> { });
    }

    /** The same caller, handing every response (its Location header and body text) to {@code observer} as well. */
    public Gateway observedBy(Consumer<String> observer) {
        return new Gateway(baseUrl, token, observer);
    }

    /** One answer: status, JSON body (empty object when none) and the Location header. */
    public record Answer(int status, JsonNode body, Optional<String> location) {

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").ifPresent(observer);
            observer.accept(response.body() == null ? "" : response.body());
            JsonNode json = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode() : readOrText(response.body());
            return new Answer(response.statusCode(), json, response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
