package dev.ticketbridge.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client playing browser and OAuth client against the emulator. */
final class OAuthClient {

    static final String CLIENT_ID = "ticketbridge-demo";
    static final String CLIENT_SECRET = "ticketbridge-demo-secret";
    static final String REDIRECT = "http://127.0.0.1:9999/callback";

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    OAuthClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, Map.of());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Opens /oauth_auth.do and logs in; returns the consent page. */
    HttpResponse<String> logIn(String user, String password, Map<String, String> extraAuthParams) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", CLIENT_ID,
                "redirect_uri", REDIRECT, "state", "xyz"));
        params.putAll(extraAuthParams);
        HttpResponse<String> login = get("/oauth_auth.do?" + encode(params), Map.of());
        return postForm("/oauth_login.do", Map.of("request_id", requestId(login.body()), "user_name", user,
                "user_password", password));
    }

    /** Logs in and presses Allow or Deny; returns the redirect. */
    HttpResponse<String> authorize(String user, String password, String action, Map<String, String> extra) {
        HttpResponse<String> consent = logIn(user, password, extra);
        return postForm("/oauth_consent.do", Map.of("request_id", requestId(consent.body()), "action", action));
    }

    HttpResponse<String> exchange(String code, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        form.putAll(extra);
        return postForm("/oauth_token.do", form);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return postForm("/oauth_token.do", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    HttpResponse<String> password(String user, String password) {
        return postForm("/oauth_token.do", Map.of("grant_type", "password", "username", user,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    int tableStatus(String accessToken) {
        return get("/api/now/table/incident", Map.of("Authorization", "Bearer " + accessToken)).statusCode();
    }

    static String requestId(String html) {
        Matcher matcher = REQUEST_ID.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No request_id in page: " + html);
        }
        return matcher.group(1);
    }

    static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
