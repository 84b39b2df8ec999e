package dev.ticketbridge.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.sync.RemoteTicket;
import dev.ticketbridge.sync.config.SyncConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads tracked-table records through ServiceNow's Table API, asking only for the fields sync uses. Maps
 * ServiceNow's answers to exceptions: 401 {@link UnauthorizedException}, 429 {@link RateLimitedException} with
 * the instance's Retry-After or X-RateLimit-Reset, anything else {@link ServiceNowCallException} with
 * ServiceNow's message. A 200 with an HTML page (a hibernating instance) is an error. Every call is counted in
 * {@code ticketbridge.servicenow.calls} (operation {@code poll}, status the HTTP code, {@code timeout} or
 * {@code unreachable}), the meter ticket-service counts its calls in.
 */
@ApplicationScoped
public class TableApiClient {

    /** The fields sync reads; nothing else is transferred. */
    public static final String FIELDS = "sys_id,number,state,assigned_to,active,sys_mod_count,sys_updated_on";

    private final HttpClient http;
    private final ObjectMapper json;
    private final SyncConfig config;
    private final MeterRegistry meters;

    public TableApiClient(ObjectMapper json, SyncConfig config, MeterRegistry meters) {
        this.json = json;
        this.config = config;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.servicenow().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One page of records matching {@code encodedQuery}, in the order the query names. */
    public TablePage query(AccessToken token, String table, String encodedQuery, int limit)
            throws ServiceNowCallException {
        String url = token.instanceUrl().replaceAll("/+$", "") + "/api/now/v2/table/" + table
                + "?sysparm_query=" + encode(encodedQuery)
                + "&sysparm_fields=" + encode(FIELDS)
                + "&sysparm_limit=" + limit
                + "&sysparm_display_value=all&sysparm_exclude_reference_link=true"
                + "&sysparm_suppress_pagination_header=true";
        HttpResponse<String> response = send(token, url);
        JsonNode result = body(response).path("result");
        List<RemoteTicket> records = new ArrayList<>();
        for (JsonNode row : result) {
            records.add(toTicket(row));
        }
        long total = response.headers().firstValue("X-Total-Count").map(TableApiClient::parseLong).orElse(-1L);
        return new TablePage(records, total, instanceTime(response));
    }

    private HttpResponse<String> send(AccessToken token, String url) throws ServiceNowCallException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.servicenow().requestTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.accessToken())
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            counted(e instanceof HttpTimeoutException ? "timeout" : "unreachable");
            throw new ServiceNowCallException("no answer from " + token.instanceUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNowCallException("interrupted calling " + token.instanceUrl(), e);
        }
        counted(Integer.toString(response.statusCode()));
        return check(response);
    }

    private void counted(String status) {
        meters.counter("ticketbridge.servicenow.calls", "operation", "poll", "status", status).increment();
    }

    private HttpResponse<String> check(HttpResponse<String> response) throws ServiceNowCallException {
        int status = response.statusCode();
        if (status == 200) {
            return response;
        }
        String message = errorMessage(response.body());
        if (status == 401) {
            throw new UnauthorizedException(message);
        }
        if (status == 429) {
            throw new RateLimitedException(message, retryAt(response).orElse(null));
        }
        throw new ServiceNowCallException(status, "ServiceNow answered " + status + ": " + message);
    }

    private JsonNode body(HttpResponse<String> response) throws ServiceNowCallException {
        String text = response.body() == null ? "" : response.body().stripLeading();
        if (!text.startsWith("{")) {
            throw new ServiceNowCallException(200, "ServiceNow answered with an HTML page instead of JSON"
                    + " (instance hibernating or behind a login page)");
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new ServiceNowCallException(200, "ServiceNow answered with unreadable JSON");
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body == null ? "" : body).path("error");
            String message = error.path("message").asText("");
            String detail = error.path("detail").asText("");
            return detail.isEmpty() || detail.equals("null") ? message : message + ": " + detail;
        } catch (IOException | RuntimeException e) {
            return "(no error message)";
        }
    }

    private static Instant instanceTime(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Date")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElseGet(Instant::now);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    static Optional<Instant> retryAt(HttpResponse<?> response) {
        Optional<Instant> afterSeconds = response.headers().firstValue("Retry-After")
                .map(TableApiClient::parseLong)
                .filter(seconds -> seconds >= 0)
                .map(seconds -> Instant.now().plusSeconds(seconds));
        if (afterSeconds.isPresent()) {
            return afterSeconds;
        }
        return response.headers().firstValue("X-RateLimit-Reset")
                .map(TableApiClient::parseLong)
                .filter(epoch -> epoch > 0)
                .map(Instant::ofEpochSecond);
    }

    private static RemoteTicket toTicket(JsonNode row) {
        String assigned = display(row.path("assigned_to"));
        String active = value(row.path("active"));
        return new RemoteTicket(
                value(row.path("sys_id")),
                value(row.path("number")),
                value(row.path("state")),
                display(row.path("state")),
                assigned.isEmpty() ? null : assigned,
                active.isEmpty() ? null : Boolean.valueOf(active),
                parseLong(value(row.path("sys_mod_count"))),
                value(row.path("sys_updated_on")));
    }

    /** A field's raw value, whether rendered as a plain string or as {"display_value","value"}. */
    private static String value(JsonNode field) {
        return field.isObject() ? field.path("value").asText("") : field.asText("");
    }

    private static String display(JsonNode field) {
        if (field.isObject()) {
            String display = field.path("display_value").asText("");
            return display.isEmpty() ? field.path("value").asText("") : display;
        }
        return field.asText("");
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
