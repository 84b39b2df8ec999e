package dev.ticketbridge.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every operation the running gateway documents in its OpenAPI document ({@code /q/openapi}). */
final class Endpoints {

    /** One operation: method, path template ({@code /api/v1/shares/{id}}), query parameters, whether it has a body. */
    record Endpoint(String method, String path, List<String> queryParameters, boolean takesBody) {

        String key() {
            return method + " " + path;
        }

        /** The path with each {@code {name}} replaced by the value given for it. */
        String pathWith(Map<String, String> values) {
            String path = this.path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> documented() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(E2eStack.get().gatewayUrl() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the gateway serves no OpenAPI document: " + response.statusCode());
            }
            return parse(Gateway.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Endpoint> parse(JsonNode document) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                operation.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                });
                endpoints.add(new Endpoint(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), query,
                        operation.getValue().has("requestBody")));
            }
        }
        return endpoints;
    }
}
