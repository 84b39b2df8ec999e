package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.TokenGrant;
import dev.ticketbridge.connection.client.ServiceNowTokenEndpoint;
import dev.ticketbridge.connection.client.TokenEndpointException;
import dev.ticketbridge.connection.config.ConnectionConfig;
import dev.ticketbridge.connection.persistence.TenantConnection;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Hands out valid access tokens. A token expiring within the refresh window is refreshed first; refreshes are
 * single-flight per connection: callers in this process share one in-flight refresh, and across replicas the row
 * lock plus a re-check under it make late callers reuse the token just stored instead of refreshing again.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    /** A valid access token of a tenant's instance. */
    public record IssuedToken(String tenantId, String instanceUrl, String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[tenant=" + tenantId + ", expiresAt=" + expiresAt + "]";
        }
    }

    private record Stored(String accessToken, Instant expiresAt, ConnectionStatus status, String instanceUrl) {
    }

    private final Map<String, CompletableFuture<IssuedToken>> inFlight = new ConcurrentHashMap<>();
    private final SecretCipher cipher;
    private final ServiceNowTokenEndpoint tokenEndpoint;
    private final InstanceUrlPolicy urls;
    private final ConnectionEvents events;
    private final ConnectionConfig config;
    private final MeterRegistry meters;

    public TokenService(SecretCipher cipher, ServiceNowTokenEndpoint tokenEndpoint, InstanceUrlPolicy urls,
            ConnectionEvents events, ConnectionConfig config, MeterRegistry meters) {
        this.cipher = cipher;
        this.tokenEndpoint = tokenEndpoint;
        this.urls = urls;
        this.events = events;
        this.config = config;
        this.meters = meters;
    }

    /** A token valid for at least the refresh window. */
    public IssuedToken validToken(String tenantId) {
        Stored stored = read(tenantId);
        if (fresh(stored)) {
            return new IssuedToken(tenantId, stored.instanceUrl(), stored.accessToken(), stored.expiresAt());
        }
        return singleFlight(tenantId, null);
    }

    /** After the instance rejected {@code rejectedAccessToken}: a different valid token, refreshing only if needed. */
    public IssuedToken replaceRejected(String tenantId, String rejectedAccessToken) {
        if (rejectedAccessToken == null || rejectedAccessToken.isBlank()) {
            throw ProblemException.badField("rejectedAccessToken", "is required");
        }
        Stored stored = read(tenantId);
        if (fresh(stored) && !stored.accessToken().equals(rejectedAccessToken)) {
            return new IssuedToken(tenantId, stored.instanceUrl(), stored.accessToken(), stored.expiresAt());
        }
        return singleFlight(tenantId, rejectedAccessToken);
    }

    private Stored read(String tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TenantConnection connection = ConnectionService.existing(tenantId);
            requireConnected(connection);
            return new Stored(cipher.decrypt(connection.encryptedAccessToken, tenantId, "access_token"),
                    connection.accessExpiresAt, connection.status, connection.instanceUrl);
        });
    }

    private boolean fresh(Stored stored) {
        return stored.accessToken() != null && stored.expiresAt() != null
                && stored.expiresAt().isAfter(Instant.now().plus(config.refreshAhead()));
    }

    private IssuedToken singleFlight(String tenantId, String rejected) {
        CompletableFuture<IssuedToken> mine = new CompletableFuture<>();
        CompletableFuture<IssuedToken> running = inFlight.putIfAbsent(tenantId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            IssuedToken token = refreshUnderLock(tenantId, rejected);
            mine.complete(token);
            return token;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(tenantId, mine);
        }
    }

    private IssuedToken refreshUnderLock(String tenantId, String rejected) {
        Object result = QuarkusTransaction.requiringNew().call(() -> {
            TenantConnection connection = TenantConnection.lockedOfTenant(tenantId)
                    .orElseThrow(() -> ConnectionService.noConnection(tenantId));
            requireConnected(connection);
            String current = cipher.decrypt(connection.encryptedAccessToken, tenantId, "access_token");
            Stored stored = new Stored(current, connection.accessExpiresAt, connection.status, connection.instanceUrl);
            if (fresh(stored) && (rejected == null || !rejected.equals(current))) {
                return issued(connection, current);
            }
            InstanceUrl instance = new InstanceUrl(connection.instanceUrl);
            urls.checkBeforeCall(instance);
            try {
                TokenGrant grant = tokenEndpoint.refresh(instance, connection.clientId,
                        cipher.decrypt(connection.encryptedClientSecret, tenantId, "client_secret"),
                        cipher.decrypt(connection.encryptedRefreshToken, tenantId, "refresh_token"));
                connection.encryptedAccessToken = cipher.encrypt(grant.accessToken(), tenantId, "access_token");
                connection.encryptedRefreshToken = cipher.encrypt(grant.refreshToken(), tenantId, "refresh_token");
                connection.accessExpiresAt = grant.expiresAt();
                connection.updatedAt = Instant.now();
                refreshed("refreshed");
                LOG.debugf("Access token refreshed, valid until %s", grant.expiresAt());
                return issued(connection, grant.accessToken());
            } catch (TokenEndpointException e) {
                refreshed(e.kind() == TokenEndpointException.Kind.INVALID_GRANT ? "invalid_grant" : "error");
                return refused(connection, e);
            } catch (RuntimeException e) {
                refreshed("error");
                throw e;
            }
        });
        if (result instanceof ProblemException problem) {
            throw problem;
        }
        return (IssuedToken) result;
    }

    /** Counts a refresh call to the instance's token endpoint by its outcome: refreshed, invalid_grant or error. */
    private void refreshed(String outcome) {
        meters.counter("ticketbridge.token.refreshes", "outcome", outcome).increment();
    }

    /** Records a refused refresh; the problem is thrown after the change committed. */
    private ProblemException refused(TenantConnection connection, TokenEndpointException e) {
        String guidance = Guidance.forTokenFailure(e);
        LOG.warnf("Token refresh refused or failed: %s (HTTP %d)", e.kind(), e.status());
        if (e.kind() == TokenEndpointException.Kind.UNAVAILABLE) {
            return new ProblemException(503, "ServiceNow unavailable", guidance);
        }
        connection.status = e.kind() == TokenEndpointException.Kind.INVALID_GRANT
                ? ConnectionStatus.NEEDS_REAUTHORIZATION : ConnectionStatus.ERROR;
        connection.detail = guidance;
        connection.wipeTokens();
        connection.updatedAt = Instant.now();
        events.changed(connection);
        return new ConnectionUnavailableException(connection.status, guidance);
    }

    private static IssuedToken issued(TenantConnection connection, String accessToken) {
        return new IssuedToken(connection.tenantId, connection.instanceUrl, accessToken, connection.accessExpiresAt);
    }

    private static void requireConnected(TenantConnection connection) {
        if (connection.status != ConnectionStatus.CONNECTED || connection.encryptedAccessToken == null) {
            throw new ConnectionUnavailableException(connection.status, connection.detail == null
                    ? "the connection is " + connection.status + "; no token can be given" : connection.detail);
        }
    }
}
