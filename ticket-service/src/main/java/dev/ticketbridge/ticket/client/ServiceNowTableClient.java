package dev.ticketbridge.ticket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.ticket.TicketRecord;
import dev.ticketbridge.ticket.config.TicketServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ServiceNow Table API as ticket-service needs it: create a record, find one by {@code correlation_id}.
 * Owns the error mapping and retry decisions: a 401 gets a refreshed token and one more try inline; every other
 * failure becomes a {@link ServiceNowException} that says whether it is permanent, whether the record may exist
 * (outcome unknown) and how long to wait (Retry-After, X-RateLimit-Reset, or our own backoff with jitter).
 */
@ApplicationScoped
public class ServiceNowTableClient {

    private static final String RECORD_FIELDS = "sys_id,number,state,sys_mod_count,sys_updated_on";

    private final TokenCache tokens;
    private final ConnectionLimiter limiter;
    private final Backoff backoff;
    private final ServiceNowResponses responses;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final HttpClient http;

    public ServiceNowTableClient(TokenCache tokens, ConnectionLimiter limiter, Backoff backoff,
            ServiceNowResponses responses, MeterRegistry meters, ObjectMapper json, TicketServiceConfig config) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.backoff = backoff;
        this.responses = responses;
        this.meters = meters;
        this.json = json;
        this.requestTimeout = config.servicenow().requestTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.servicenow().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Inserts one record into {@code table}; the fields are sent as given. */
    public TicketRecord create(String tenantId, String table, Map<String, String> fields) {
        byte[] body = toJson(fields);
        Answer answer = exchange(tenantId, "create", token -> HttpRequest
                .newBuilder(URI.create(token.instanceUrl() + "/api/now/table/" + table + "?sysparm_fields=" + RECORD_FIELDS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json"));
        JsonNode result = responses.result(answer.response());
        if (!result.isObject()) {
            throw responses.unexpectedBody(answer.response());
        }
        limiter.onSuccess(tenantId);
        return responses.record(table, answer.token().instanceUrl(), result);
    }

    /** The record Ticketbridge created for this correlation id, if any (used only when an earlier outcome is unknown). */
    public Optional<TicketRecord> findByCorrelationId(String tenantId, String table, String correlationId) {
        String query = URLEncoder.encode("correlation_id=" + correlationId + "^correlation_display=Ticketbridge"
                + "^ORDERBYsys_created_on", StandardCharsets.UTF_8);
        Answer answer = exchange(tenantId, "lookup", token -> HttpRequest
                .newBuilder(URI.create(token.instanceUrl() + "/api/now/v2/table/" + table + "?sysparm_query=" + query
                        + "&sysparm_limit=1&sysparm_fields=" + RECORD_FIELDS))
                .GET());
        JsonNode result = responses.result(answer.response());
        if (!result.isArray()) {
            throw responses.unexpectedBody(answer.response());
        }
        limiter.onSuccess(tenantId);
        return result.isEmpty() ? Optional.empty()
                : Optional.of(responses.record(table, answer.token().instanceUrl(), result.get(0)));
    }

    /** A 2xx answer and the token it was obtained with. */
    private record Answer(AccessToken token, HttpResponse<String> response) {
    }

    private Answer exchange(String tenantId, String operation,
            Function<AccessToken, HttpRequest.Builder> request) {
        AccessToken token = tokens.get(tenantId);
        HttpResponse<String> response = send(operation, token, request);
        if (response.statusCode() == 401) {
            retried("unauthorized");
            token = tokens.refreshAfterRejection(tenantId, token.accessToken());
            response = send(operation, token, request);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return new Answer(token, response);
        }
        throw failure(tenantId, response);
    }

    private ServiceNowException failure(String tenantId, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = responses.errorMessage(response);
        if (status == 429) {
            Duration wait = responses.serverWait(response).map(backoff::capped)
                    .orElseGet(() -> backoff.after(limiter.consecutiveRateLimits(tenantId) + 1));
            limiter.onRateLimited(tenantId, wait);
            return new ServiceNowException(ServiceNowException.Kind.RATE_LIMITED, status, message, false, wait);
        }
        if (status == 401) {
            return new ServiceNowException(ServiceNowException.Kind.UNAUTHORIZED, status, message, false, backoff.after(1));
        }
        if (status >= 500) {
            return new ServiceNowException(ServiceNowException.Kind.UNAVAILABLE, status, message, true, null);
        }
        return new ServiceNowException(ServiceNowException.Kind.REJECTED, status, message, false, null);
    }

    private HttpResponse<String> send(String operation, AccessToken token,
            Function<AccessToken, HttpRequest.Builder> request) {
        HttpRequest built = request.apply(token)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.accessToken())
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            called(operation, Integer.toString(response.statusCode()));
            return response;
        } catch (HttpConnectTimeoutException | ConnectException e) {
            called(operation, "unreachable");
            throw new ServiceNowException(ServiceNowException.Kind.UNAVAILABLE, null,
                    "ServiceNow instance unreachable: " + e.getClass().getSimpleName(), false, null);
        } catch (HttpTimeoutException e) {
            called(operation, "timeout");
            throw new ServiceNowException(ServiceNowException.Kind.TIMEOUT, null,
                    "ServiceNow did not answer within " + requestTimeout.toMillis() + " ms", true, null);
        } catch (IOException e) {
            called(operation, "io-error");
            throw new ServiceNowException(ServiceNowException.Kind.UNAVAILABLE, null,
                    "ServiceNow connection failed: " + e.getClass().getSimpleName(), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNowException(ServiceNowException.Kind.TIMEOUT, null, "interrupted while calling ServiceNow",
                    true, null);
        }
    }

    private byte[] toJson(Map<String, String> fields) {
        try {
            return json.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the record as JSON", e);
        }
    }

    private void called(String operation, String status) {
        meters.counter("ticketbridge.servicenow.calls", "operation", operation, "status", status).increment();
    }

    private void retried(String cause) {
        meters.counter("ticketbridge.servicenow.retries", "cause", cause).increment();
    }
}
