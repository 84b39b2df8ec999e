package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.ConnectionView;
import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.StateLabels;
import dev.ticketbridge.connection.config.ConnectionConfig;
import dev.ticketbridge.connection.persistence.PendingAuthorization;
import dev.ticketbridge.connection.persistence.TenantConnection;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Creating, re-authorising, renaming states of and removing a tenant's connection. */
@ApplicationScoped
public class ConnectionService {

    private final InstanceUrlPolicy urls;
    private final SecretCipher cipher;
    private final ConnectionEvents events;
    private final Revocation revocation;
    private final ConnectionConfig config;

    public ConnectionService(InstanceUrlPolicy urls, SecretCipher cipher, ConnectionEvents events, Revocation revocation,
            ConnectionConfig config) {
        this.urls = urls;
        this.cipher = cipher;
        this.events = events;
        this.revocation = revocation;
        this.config = config;
    }

    /**
     * Creates or replaces the tenant's connection (status PENDING_AUTHORIZATION) and starts an authorization by
     * {@code requestedBy}. Tokens of a replaced connection are revoked at its instance.
     */
    public ConnectionView connect(String tenantId, String instance, String clientId, String clientSecret,
            String requestedBy) {
        InstanceUrl instanceUrl = urls.validate(instance);
        required("clientId", clientId, 255);
        required("clientSecret", clientSecret, 1024);
        required("requestedBy", requestedBy, 255);
        Revocation.Tokens replaced = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            TenantConnection connection = TenantConnection.lockedOfTenant(tenantId).orElse(null);
            Revocation.Tokens old = null;
            if (connection == null) {
                connection = new TenantConnection();
                connection.tenantId = tenantId;
                connection.createdAt = now;
            } else {
                old = revocation.tokensOf(connection);
                PendingAuthorization.forgetTenant(tenantId);
                connection.createdAt = now;
            }
            connection.instanceUrl = instanceUrl.value();
            connection.clientId = clientId.strip();
            connection.encryptedClientSecret = cipher.encrypt(clientSecret, tenantId, "client_secret");
            connection.wipeTokens();
            connection.status = ConnectionStatus.PENDING_AUTHORIZATION;
            connection.detail = "Waiting for the ServiceNow integration user to allow access";
            connection.authorizedBy = null;
            connection.instanceLabels = null;
            connection.updatedAt = now;
            connection.persist();
            events.changed(connection);
            return old;
        });
        revocation.revokeQuietly(replaced);
        return authorize(tenantId, requestedBy);
    }

    /** Starts a new authorization of an existing connection ("Authorize again"); returns the URL to visit. */
    @Transactional
    public ConnectionView authorize(String tenantId, String requestedBy) {
        required("requestedBy", requestedBy, 255);
        TenantConnection connection = existing(tenantId);
        PendingAuthorization pending = new PendingAuthorization();
        pending.state = Pkce.randomToken();
        pending.tenantId = tenantId;
        pending.requestedBy = requestedBy.strip();
        String verifier = Pkce.randomToken() + Pkce.randomToken();
        pending.encryptedCodeVerifier = cipher.encrypt(verifier, tenantId, "code_verifier");
        pending.expiresAt = Instant.now().plus(config.authorizationLifetime());
        pending.persist();
        return Views.of(connection).withAuthorizeUrl(authorizeUrl(connection, pending.state, verifier));
    }

    @Transactional
    public ConnectionView view(String tenantId) {
        return Views.of(existing(tenantId));
    }

    /** Defaults (instance or standard labels), the tenant's renames and the effective labels. */
    @Transactional
    public Map<String, Map<String, Map<String, String>>> stateNames(String tenantId) {
        TenantConnection connection = existing(tenantId);
        return Map.of("defaults", ConnectionEvents.defaultLabels(connection),
                "renames", LabelsJson.read(connection.renamedLabels),
                "effective", ConnectionEvents.effectiveLabels(connection));
    }

    /** Replaces the tenant's renames; publishes the new labels. */
    @Transactional
    public Map<String, Map<String, Map<String, String>>> renameStates(String tenantId,
            Map<String, Map<String, String>> renames) {
        TenantConnection connection = TenantConnection.lockedOfTenant(tenantId).orElseThrow(() -> noConnection(tenantId));
        Map<String, Map<String, String>> clean = StateLabels.validateRenames(renames,
                ConnectionEvents.defaultLabels(connection));
        connection.renamedLabels = LabelsJson.write(clean);
        connection.updatedAt = Instant.now();
        events.changed(connection);
        return stateNames(tenantId);
    }

    /**
     * Removes the connection: revokes both tokens at the instance, deletes the row with its secrets and pending
     * authorizations, and publishes REMOVED. A later connect starts from nothing.
     */
    public Revocation.Outcome remove(String tenantId) {
        Revocation.Tokens tokens = QuarkusTransaction.requiringNew().call(() -> revocation.tokensOf(existing(tenantId)));
        Revocation.Outcome outcome = revocation.revoke(tokens);
        QuarkusTransaction.requiringNew().run(() -> TenantConnection.lockedOfTenant(tenantId).ifPresent(connection -> {
            PendingAuthorization.forgetTenant(tenantId);
            connection.delete();
            events.removed(tenantId, connection.instanceUrl, outcome.detail());
        }));
        return outcome;
    }

    private String authorizeUrl(TenantConnection connection, String state, String verifier) {
        StringBuilder url = new StringBuilder(connection.instanceUrl).append("/oauth_auth.do?response_type=code")
                .append("&client_id=").append(enc(connection.clientId))
                .append("&redirect_uri=").append(enc(config.redirectUri()))
                .append("&state=").append(enc(state));
        if (config.pkce()) {
            url.append("&code_challenge=").append(enc(Pkce.challenge(verifier))).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    static TenantConnection existing(String tenantId) {
        return TenantConnection.ofTenant(tenantId).orElseThrow(() -> noConnection(tenantId));
    }

    static ProblemException noConnection(String tenantId) {
        return ProblemException.notFound("tenant " + tenantId + " has no ServiceNow connection");
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        if (value.length() > max) {
            throw ProblemException.badField(field, "must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField(field, "must not contain control characters");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
