package dev.ticketbridge.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Raw calls to the gateway's API: any method, bearer token (or none), content type, body text and headers, so a test
 * can send what the typed client never would and read exactly what came back.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Api() {
    }

    /** One request: {@code pathAndQuery} already encoded; {@code token} null for none, {@code body} null for none. */
    record Call(String method, String pathAndQuery, String token, String contentType, String body,
                Map<String, String> headers) {

        static Call of(String method, String pathAndQuery, String token) {
            return new Call(method, pathAndQuery, token, null, null, Map.of());
        }

        Call withBody(String type, String text) {
            return new Call(method, pathAndQuery, token, type, text, headers);
        }

        Call withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(method, pathAndQuery, token, contentType, body, more);
        }

        /** What the call was, short enough for a failure message. */
        String describe() {
            String shown = body == null ? "" : " " + (contentType == null ? "(no type)" : contentType) + " "
                    + Printable.of(body, 160);
            return method + " " + Printable.of(pathAndQuery, 200) + (headers.isEmpty() ? "" : " " + headers) + shown;
        }
    }

    /** What came back: status, Content-Type (empty when none), body text and Location header. */
    record Response(int status, String contentType, String body, Optional<String> location) {

        boolean isProblem() {
            return contentType.toLowerCase().startsWith("application/problem+json");
        }

        boolean isJson() {
            String type = contentType.toLowerCase();
            return type.startsWith("application/json") || type.startsWith("application/problem+json");
        }

        /** The body as JSON; a missing node when it is not JSON. */
        JsonNode json() {
            try {
                return Gateway.JSON.readTree(body);
            } catch (IOException | RuntimeException e) {
                return Gateway.JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + Printable.of(body, 300)
                    + location.map(l -> " -> " + l).orElse("");
        }
    }

    static Response send(Call call) {
        return send(call, text -> { });
    }

    /** Sends the call; {@code seen} gets the Location header and the body text of the answer. */
    static Response send(Call call, Consumer<String> seen) {
        URI uri = URI.create(E2eStack.get().gatewayUrl() + call.pathAndQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        call.headers().forEach(request::header);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> location = response.headers().firstValue("Location");
            location.ifPresent(seen);
            seen.accept(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), location);
        } catch (IOException e) {
            throw new IllegalStateException(call.describe() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shows a text in a failure message: control characters escaped, cut to {@code max} characters. */
    static final class Printable {

        private Printable() {
        }

        static String of(String text, int max) {
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < text.length() && shown.length() < max; i++) {
                char c = text.charAt(i);
                shown.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return text.length() > max ? shown + "…(" + text.length() + " chars)" : shown.toString();
        }
    }
}
