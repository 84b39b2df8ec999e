package dev.ticketbridge.connection.client;

import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.TokenGrant;
import dev.ticketbridge.connection.config.ConnectionConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's ServiceNow token endpoint ({@code /oauth_token.do}) through quarkus-oidc-client: one {@link OidcClient}
 * per call, created at run time from the tenant's instance URL, client id and secret (sent in the POST body, as
 * ServiceNow expects). The authorization-code grant passes code, redirect URI and PKCE verifier per request; the
 * refresh grant uses {@link OidcClient#refreshTokens}.
 */
@ApplicationScoped
public class ServiceNowTokenEndpoint {

    static final String TOKEN_PATH = "/oauth_token.do";
    /** ServiceNow's default access-token lifespan, assumed when a response carries no expires_in. */
    private static final Duration DEFAULT_LIFESPAN = Duration.ofSeconds(1799);

    private final OidcClients clients;
    private final Duration timeout;

    public ServiceNowTokenEndpoint(OidcClients clients, ConnectionConfig config) {
        this.clients = clients;
        this.timeout = config.instanceTimeout();
    }

    public TokenGrant exchangeCode(InstanceUrl instance, String clientId, String clientSecret, String code,
            String redirectUri, String codeVerifier) {
        Map<String, String> params = codeVerifier == null
                ? Map.of("code", code, "redirect_uri", redirectUri)
                : Map.of("code", code, "redirect_uri", redirectUri, "code_verifier", codeVerifier);
        return call(instance, clientId, clientSecret, OidcClientConfig.Grant.Type.CODE,
                client -> client.getTokens(params), null);
    }

    public TokenGrant refresh(InstanceUrl instance, String clientId, String clientSecret, String refreshToken) {
        return call(instance, clientId, clientSecret, OidcClientConfig.Grant.Type.REFRESH,
                client -> client.refreshTokens(refreshToken, Map.of()), refreshToken);
    }

    private interface Grant {
        io.smallrye.mutiny.Uni<Tokens> request(OidcClient client);
    }

    private TokenGrant call(InstanceUrl instance, String clientId, String clientSecret, OidcClientConfig.Grant.Type type,
            Grant grant, String previousRefreshToken) {
        OidcClientConfig config = new OidcClientConfigBuilder()
                .id("servicenow-" + UUID.randomUUID())
                .authServerUrl(instance.value())
                .discoveryEnabled(false)
                .tokenPath(TOKEN_PATH)
                .clientId(clientId)
                .credentials().clientSecret(clientSecret, Method.POST).end()
                .connectionTimeout(timeout)
                .followRedirects(false)
                .grant(type)
                .build();
        OidcClient client = clients.newClient(config).await().atMost(timeout);
        try {
            Tokens tokens = grant.request(client).await().atMost(timeout.multipliedBy(2));
            Instant expiresAt = Optional.ofNullable(tokens.getAccessTokenExpiresAt()).map(Instant::ofEpochSecond)
                    .orElseGet(() -> Instant.now().plus(DEFAULT_LIFESPAN));
            String refreshToken = tokens.getRefreshToken() != null ? tokens.getRefreshToken() : previousRefreshToken;
            return new TokenGrant(tokens.getAccessToken(), refreshToken, expiresAt);
        } catch (RuntimeException e) {
            throw classify(e);
        } finally {
            closeQuietly(client);
        }
    }

    /**
     * The OIDC client fails a refused grant with the token endpoint's response body as the message
     * ({@code {"error":"invalid_grant",...}}); anything else is a transport or parsing failure.
     */
    static TokenEndpointException classify(Throwable failure) {
        String body = String.valueOf(failure.getMessage()).strip();
        if (failure instanceof OidcClientException) {
            if (body.contains("invalid_grant")) {
                return new TokenEndpointException(TokenEndpointException.Kind.INVALID_GRANT, 400, body);
            }
            if (body.contains("invalid_client") || body.contains("access_denied")) {
                return new TokenEndpointException(TokenEndpointException.Kind.INVALID_CLIENT, 401, body);
            }
            if (body.startsWith("<") || body.toLowerCase(Locale.ROOT).contains("<html")) {
                return new TokenEndpointException(TokenEndpointException.Kind.NOT_A_TOKEN_RESPONSE, 200,
                        "the token endpoint answered with a page instead of a token response");
            }
            if (body.contains("\"error\"")) {
                return new TokenEndpointException(TokenEndpointException.Kind.REFUSED, 400, body);
            }
        }
        if (body.toLowerCase(Locale.ROOT).contains("json") || body.contains("<")) {
            return new TokenEndpointException(TokenEndpointException.Kind.NOT_A_TOKEN_RESPONSE, 200,
                    "the token endpoint answered with a page instead of a token response");
        }
        return new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, 0,
                "the token endpoint could not be reached: " + failure.getClass().getSimpleName());
    }

    private static void closeQuietly(OidcClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // A client that cannot close holds no tenant data; nothing to do.
        }
    }
}
