package dev.ticketbridge.testsupport.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drives a tenant's connection the way the gateway and a person's browser do, with a plain HTTP client: create the
 * connection through connection-service's internal API (as the gateway), follow the authorize URL to the instance's
 * log-in and consent pages, and hand the code and state from the redirect back to the callback API.
 */
public final class TenantConnector {

    /** The user id the helper starts and finishes authorisations as. */
    public static final String ADMIN = "admin@tenant.example";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the instance sent the browser back with. */
    public record Redirect(String code, String state, String error) {
    }

    /** A response of connection-service: status code and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    private final String connectionServiceUrl;
    private final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TenantConnector(String connectionServiceUrl) {
        this.connectionServiceUrl = connectionServiceUrl;
    }

    /** Creates the connection, authorises it and completes the callback; fails unless the result is CONNECTED. */
    public Answer connect(String tenantId, OAuthLogin login) {
        String authorizeUrl = create(tenantId, login);
        Answer answer = callback(tenantId, authorize(authorizeUrl, login), ADMIN);
        if (answer.status() != 200 || !"CONNECTED".equals(answer.body().path("outcome").asText())) {
            throw new IllegalStateException("tenant " + tenantId + " did not connect: " + answer);
        }
        return answer;
    }

    /** PUT of the connection; returns the authorize URL. */
    public String create(String tenantId, OAuthLogin login) {
        Map<String, String> body = Map.of("instance", login.instanceUrl(), "clientId", login.clientId(),
                "clientSecret", login.clientSecret(), "requestedBy", ADMIN);
        Answer answer = send("PUT", "/internal/v1/tenants/" + tenantId + "/connection", body);
        if (answer.status() != 200) {
            throw new IllegalStateException("could not create the connection of " + tenantId + ": " + answer);
        }
        return answer.body().path("authorizeUrl").asText();
    }

    /** Follows the authorize URL through the log-in and consent pages; returns the redirect back to Ticketbridge. */
    public Redirect authorize(String authorizeUrl, OAuthLogin login) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = followWithinInstance(browser, get(authorizeUrl), login.instanceUrl());
        page = followWithinInstance(browser, submit(page, logInFields(page, login), null), login.instanceUrl());
        HttpResponse<String> decision = exchange(browser, submit(page, Map.of(), login.allow() ? "allow" : "deny"));
        String location = decision.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "the consent page did not redirect (status " + decision.statusCode() + "): " + decision.body()));
        Map<String, String> query = query(URI.create(location).getRawQuery());
        return new Redirect(query.get("code"), query.get("state"), query.get("error"));
    }

    /** POST of the callback with the instance's answer, as the gateway forwards it. */
    public Answer callback(String tenantId, Redirect redirect, String userId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("requestedBy", userId);
        if (redirect.code() != null) {
            body.put("code", redirect.code());
        }
        if (redirect.state() != null) {
            body.put("state", redirect.state());
        }
        if (redirect.error() != null) {
            body.put("error", redirect.error());
        }
        return send("POST", "/internal/v1/tenants/" + tenantId + "/connection/callback", body);
    }

    /** Any internal API call, authenticated as the gateway. */
    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connectionServiceUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", ServiceKeys.bearer("gateway"))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = api.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("connection-service call failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> logInFields(HttpResponse<String> page, OAuthLogin login) {
        Map<String, String> fields = new LinkedHashMap<>();
        Element form = form(page);
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            if (type.equals("password")) {
                fields.put(input.attr("name"), login.password());
            } else if (type.equals("text") || type.isEmpty() || type.equals("email")) {
                fields.put(input.attr("name"), login.userName());
            }
        }
        return fields;
    }

    private static HttpRequest submit(HttpResponse<String> page, Map<String, String> values, String button) {
        Element form = form(page);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (input.attr("type").equalsIgnoreCase("hidden")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        fields.putAll(values);
        if (button != null) {
            Element pressed = form.select("button[name], input[type=submit][name]").stream()
                    .filter(b -> (b.attr("value") + " " + b.text()).toLowerCase(Locale.ROOT).contains(button))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no '" + button + "' button on " + page.uri()));
            fields.put(pressed.attr("name"), pressed.attr("value"));
        }
        URI action = page.uri().resolve(form.attr("action").isBlank() ? page.uri().toString() : form.attr("action"));
        String encoded = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
    }

    private static Element form(HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        Element form = document.selectFirst("form");
        if (form == null) {
            throw new IllegalStateException("expected a form at " + page.uri() + " (status " + page.statusCode() + "): "
                    + document.text());
        }
        return form;
    }

    /** Sends a request and follows redirects that stay on the instance (log-in → consent). */
    private static HttpResponse<String> followWithinInstance(HttpClient browser, HttpRequest request, String instanceUrl) {
        HttpResponse<String> response = exchange(browser, request);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(instanceUrl)) {
                throw new IllegalStateException("the instance redirected away before consent: " + next);
            }
            response = exchange(browser, get(next.toString()));
        }
        return response;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpResponse<String> exchange(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("instance call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
