package dev.ticketbridge.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.Gateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parts of the emulator's admin API the test-support client does not cover: rate-limit rules and the request
 * log by status (see servicenow-emulator/README.md).
 */
final class EmulatorAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    EmulatorAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Adds a rate-limit rule, e.g. {@code {"limit_per_hour":20,"method":"POST"}}; returns its id. */
    String addRateLimit(Map<String, ?> rule) {
        return send("POST", "/emulator/admin/rate-limits", rule).path("sysId").asText();
    }

    /** Removes one rule (rules of other tests stay). */
    void removeRateLimit(String id) {
        send("DELETE", "/emulator/admin/rate-limits/" + id, null);
    }

    /** Requests served so far whose method and path template start as given and whose status matches. */
    long served(String method, String pathPrefix, Predicate<Integer> status) {
        long count = 0;
        for (JsonNode line : send("GET", "/emulator/admin/requests", null).path("requests")) {
            if (line.path("method").asText().equals(method) && line.path("path").asText().startsWith(pathPrefix)
                    && status.test(line.path("status").asInt())) {
                count += line.path("count").asLong();
            }
        }
        return count;
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? Gateway.JSON.createObjectNode() : Gateway.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
