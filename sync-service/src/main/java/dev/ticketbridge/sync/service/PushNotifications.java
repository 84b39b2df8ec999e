package dev.ticketbridge.sync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.platform.problem.ProblemException;
import dev.ticketbridge.sync.PushSignature;
import dev.ticketbridge.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Change notifications sent by a ServiceNow business rule: checks the tenant's HMAC signature and the timestamp
 * (against replays), then fetches the named record at once if it is tracked. Polling stays the safety net, so a
 * lost notification costs latency, never correctness.
 */
@ApplicationScoped
public class PushNotifications {

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    /** What happened to an accepted notification. */
    public record Outcome(boolean fetchQueued, boolean tracked) {
    }

    private final SyncConfig config;
    private final ObjectMapper json;
    private final TrackingQueries queries;
    private final PollScheduler scheduler;

    public PushNotifications(SyncConfig config, ObjectMapper json, TrackingQueries queries, PollScheduler scheduler) {
        this.config = config;
        this.json = json;
        this.queries = queries;
        this.scheduler = scheduler;
    }

    public Outcome accept(String tenantId, String timestamp, String signature, String body) {
        String secret = secretOf(tenantId).orElseThrow(() -> unauthorized("push notifications are not enabled"));
        if (!PushSignature.verify(secret, timestamp, body, signature)) {
            throw unauthorized("the signature does not match the body");
        }
        if (!fresh(timestamp)) {
            throw unauthorized("the notification timestamp is missing, malformed or too old");
        }
        JsonNode notice = parse(body);
        TicketType type = table(notice.path("table").asText(""));
        String sysId = notice.path("sys_id").asText("");
        if (!SYS_ID.matcher(sysId).matches()) {
            throw ProblemException.badField("sys_id", "must be a 32-character ServiceNow sys_id");
        }
        if (!queries.isTracked(tenantId, type.table(), sysId)) {
            return new Outcome(false, false);
        }
        return new Outcome(scheduler.fetchNow(tenantId, type, sysId), true);
    }

    private Optional<String> secretOf(String tenantId) {
        String explicit = config.push().tenantSecrets().get(tenantId);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return config.push().signingKey().filter(k -> !k.isBlank()).map(k -> PushSignature.deriveSecret(k, tenantId));
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            Duration age = Duration.between(sent, Instant.now()).abs();
            return age.compareTo(config.push().maxAge()) <= 0;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.badField("body", "must be a JSON object with table and sys_id");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.badField("body", "is not valid JSON");
        }
    }

    private static TicketType table(String table) {
        try {
            return TicketType.ofTable(table);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("table", "must be incident or change_request");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Notification refused", detail);
    }
}
