package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.ConnectionView;
import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.TokenGrant;
import dev.ticketbridge.connection.client.ServiceNowTokenEndpoint;
import dev.ticketbridge.connection.client.TokenEndpointException;
import dev.ticketbridge.connection.config.ConnectionConfig;
import dev.ticketbridge.connection.persistence.PendingAuthorization;
import dev.ticketbridge.connection.persistence.TenantConnection;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Completes an authorization when the instance sends the browser back: checks {@code state} (known, unexpired,
 * issued for this tenant and this user, used once), exchanges the code (with the PKCE verifier) for tokens, reads
 * the instance's state labels and marks the connection CONNECTED.
 */
@ApplicationScoped
public class AuthorizationCallback {

    /** How an authorization ended. */
    public enum Outcome {
        CONNECTED, DENIED
    }

    /** The outcome and the connection afterwards. */
    public record Result(Outcome outcome, ConnectionView connection) {
    }

    private record Started(String verifier, InstanceUrl instance, String clientId, String clientSecret,
                           Instant generation, String requestedBy) {

        @Override
        public String toString() {
            return "Started[instance=" + instance + "]";
        }
    }

    /** What {@link Pkce#randomToken()} makes: anything else was never issued and is not looked up. */
    private static final Pattern ISSUED_STATE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final SecretCipher cipher;
    private final ServiceNowTokenEndpoint tokenEndpoint;
    private final InstanceLabelsReader labels;
    private final InstanceUrlPolicy urls;
    private final ConnectionEvents events;
    private final Revocation revocation;
    private final ConnectionConfig config;

    public AuthorizationCallback(SecretCipher cipher, ServiceNowTokenEndpoint tokenEndpoint, InstanceLabelsReader labels,
            InstanceUrlPolicy urls, ConnectionEvents events, Revocation revocation, ConnectionConfig config) {
        this.cipher = cipher;
        this.tokenEndpoint = tokenEndpoint;
        this.labels = labels;
        this.urls = urls;
        this.events = events;
        this.revocation = revocation;
        this.config = config;
    }

    public Result complete(String tenantId, String state, String code, String error, String requestedBy) {
        if (requestedBy == null || requestedBy.isBlank()) {
            throw ProblemException.badField("requestedBy", "is required");
        }
        Started started = QuarkusTransaction.requiringNew().call(() -> consumeState(tenantId, state, requestedBy.strip()));
        if (error != null && !error.isBlank()) {
            return new Result(Outcome.DENIED, QuarkusTransaction.requiringNew().call(() -> denied(tenantId, error)));
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.badField("code", "is required when no error is given");
        }
        TokenGrant grant;
        try {
            urls.checkBeforeCall(started.instance());
            grant = tokenEndpoint.exchangeCode(started.instance(), started.clientId(), started.clientSecret(), code,
                    config.redirectUri(), config.pkce() ? started.verifier() : null);
        } catch (TokenEndpointException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(tenantId, started, Guidance.forTokenFailure(e)));
            throw new ProblemException(502, "Authorization failed", Guidance.forTokenFailure(e));
        }
        Map<String, Map<String, String>> instanceLabels = labels.readAll(started.instance(), grant.accessToken());
        ConnectionView view = QuarkusTransaction.requiringNew().call(() -> store(tenantId, started, grant, instanceLabels));
        if (view == null) {
            revocation.revokeQuietly(new Revocation.Tokens(tenantId, started.instance(),
                    java.util.List.of(grant.accessToken(), grant.refreshToken())));
            throw ProblemException.conflict("the connection was replaced or removed while it was being authorised; "
                    + "start the authorization again");
        }
        return new Result(Outcome.CONNECTED, view);
    }

    private Started consumeState(String tenantId, String state, String requestedBy) {
        if (state == null || state.isBlank()) {
            throw ProblemException.badField("state", "is required");
        }
        PendingAuthorization pending = ISSUED_STATE.matcher(state).matches()
                ? PendingAuthorization.lockedByState(state).orElse(null) : null;
        if (pending == null || !pending.tenantId.equals(tenantId)) {
            throw ProblemException.badField("state", "is unknown, expired or already used; start the authorization again");
        }
        if (!pending.requestedBy.equals(requestedBy)) {
            throw ProblemException.badField("state", "was issued to another user; the user who started the "
                    + "authorization must complete it");
        }
        pending.delete();
        if (pending.expiresAt.isBefore(Instant.now())) {
            throw ProblemException.badField("state", "is unknown, expired or already used; start the authorization again");
        }
        TenantConnection connection = ConnectionService.existing(tenantId);
        return new Started(cipher.decrypt(pending.encryptedCodeVerifier, tenantId, "code_verifier"),
                new InstanceUrl(connection.instanceUrl), connection.clientId,
                cipher.decrypt(connection.encryptedClientSecret, tenantId, "client_secret"), connection.createdAt,
                requestedBy);
    }

    private ConnectionView denied(String tenantId, String error) {
        TenantConnection connection = ConnectionService.existing(tenantId);
        connection.detail = Guidance.forConsentError(error);
        connection.updatedAt = Instant.now();
        return Views.of(connection);
    }

    private void failed(String tenantId, Started started, String guidance) {
        TenantConnection.lockedOfTenant(tenantId).filter(c -> c.createdAt.equals(started.generation()))
                .ifPresent(connection -> {
                    connection.status = ConnectionStatus.ERROR;
                    connection.detail = guidance;
                    connection.updatedAt = Instant.now();
                    events.changed(connection);
                });
    }

    private ConnectionView store(String tenantId, Started started, TokenGrant grant,
            Map<String, Map<String, String>> instanceLabels) {
        TenantConnection connection = TenantConnection.lockedOfTenant(tenantId)
                .filter(c -> c.createdAt.equals(started.generation())).orElse(null);
        if (connection == null) {
            return null;
        }
        connection.encryptedAccessToken = cipher.encrypt(grant.accessToken(), tenantId, "access_token");
        connection.encryptedRefreshToken = cipher.encrypt(grant.refreshToken(), tenantId, "refresh_token");
        connection.accessExpiresAt = grant.expiresAt();
        connection.status = ConnectionStatus.CONNECTED;
        connection.detail = null;
        connection.authorizedBy = started.requestedBy();
        connection.instanceLabels = LabelsJson.write(instanceLabels);
        connection.updatedAt = Instant.now();
        events.changed(connection);
        return Views.of(connection);
    }
}
