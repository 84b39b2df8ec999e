package dev.ticketbridge.ticket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.ticket.TicketRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads Table API answers: the {@code result} envelope, the error envelope, rate-limit headers, hibernation pages. */
@ApplicationScoped
public class ServiceNowResponses {

    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_MESSAGE = 500;

    private final ObjectMapper json;

    public ServiceNowResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The {@code result} of a 2xx answer; a body that is not Table API JSON is a failure, not a success. */
    public JsonNode result(HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        if (body == null || !body.has("result")) {
            throw unexpectedBody(response);
        }
        return body.get("result");
    }

    /** A 2xx that is not a Table API answer: typically the "Instance Hibernating page" of a sleeping instance. */
    public ServiceNowException unexpectedBody(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        String what = body.contains("Hibernating") ? "the instance is hibernating (HTML hibernation page)"
                : "ServiceNow answered " + response.statusCode() + " without a Table API result";
        return new ServiceNowException(ServiceNowException.Kind.HIBERNATING, response.statusCode(), what, false, null);
    }

    /** ServiceNow's own words from {@code {"error":{"message","detail"}}}, else the status line. */
    public String errorMessage(HttpResponse<String> response) {
        JsonNode error = Optional.ofNullable(parse(response.body())).map(b -> b.get("error")).orElse(null);
        if (error == null || !error.isObject()) {
            return "ServiceNow answered HTTP " + response.statusCode();
        }
        String message = text(error.get("message"));
        String detail = text(error.get("detail"));
        String joined = detail == null || detail.equals(message) ? message
                : message == null ? detail : message + ": " + detail;
        String result = joined == null ? "ServiceNow answered HTTP " + response.statusCode() : joined;
        return result.length() > MAX_MESSAGE ? result.substring(0, MAX_MESSAGE) : result;
    }

    /** The wait a 429 asks for: {@code Retry-After} (seconds or HTTP date), else {@code X-RateLimit-Reset} (epoch s). */
    public Optional<Duration> serverWait(HttpResponse<String> response) {
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                .flatMap(ServiceNowResponses::retryAfter);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return response.headers().firstValue("X-RateLimit-Reset").flatMap(value -> {
            try {
                Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(value.trim())));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A record from a Table API result object. */
    public TicketRecord record(String table, String instanceUrl, JsonNode result) {
        String sysId = text(result.get("sys_id"));
        return new TicketRecord(table, sysId, text(result.get("number")), text(result.get("state")),
                parseLong(text(result.get("sys_mod_count"))), parseTime(text(result.get("sys_updated_on"))),
                instanceUrl + "/" + table + ".do?sys_id=" + sysId);
    }

    private static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank() || body.stripLeading().charAt(0) != '{') {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return text(node.has("value") ? node.get("value") : node.get("display_value"));
        }
        return node.asText();
    }

    private static long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant parseTime(String value) {
        try {
            return value == null || value.isBlank() ? Instant.now()
                    : LocalDateTime.parse(value, SERVICENOW_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
