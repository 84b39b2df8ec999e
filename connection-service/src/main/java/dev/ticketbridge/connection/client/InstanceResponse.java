package dev.ticketbridge.connection.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/** What a ServiceNow instance answered: status, content type and body. */
public record InstanceResponse(int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page instead of JSON, as a hibernating instance or an SSO login page sends. */
    public boolean isHtml() {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String start = body == null ? "" : body.stripLeading().toLowerCase(Locale.ROOT);
        return type.contains("html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    public boolean isJsonSuccess() {
        return status / 100 == 2 && !isHtml() && json().isPresent();
    }

    public Optional<JsonNode> json() {
        try {
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(body));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** ServiceNow's error text ({@code error.message: error.detail}), if the body carries one. */
    public String errorText() {
        return json().map(j -> j.path("error")).filter(e -> !e.isMissingNode())
                .map(e -> e.path("message").asText("") + (e.path("detail").isTextual() ? ": " + e.path("detail").asText() : ""))
                .orElse("HTTP " + status);
    }
}
