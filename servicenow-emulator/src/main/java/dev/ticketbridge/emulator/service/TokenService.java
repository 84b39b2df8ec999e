package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued OAuth tokens (ServiceNow's oauth_credential). A refresh token and the access tokens minted from it form one
 * grant; revoking either token revokes the grant.
 */
@ApplicationScoped
public class TokenService {

    /** What a token response carries. */
    public record Issued(String accessToken, String refreshToken, long expiresIn) {
    }

    private static final class Grant {
        final String clientId;
        final String userName;
        final String refreshToken;
        final Instant refreshExpiresAt;
        final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
        volatile String currentAccessToken;

        Grant(String clientId, String userName, String refreshToken, Instant refreshExpiresAt) {
            this.clientId = clientId;
            this.userName = userName;
            this.refreshToken = refreshToken;
            this.refreshExpiresAt = refreshExpiresAt;
        }
    }

    private record AccessToken(Grant grant, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, AccessToken> byAccessToken = new ConcurrentHashMap<>();
    private final Map<String, Grant> byRefreshToken = new ConcurrentHashMap<>();
    private final Settings settings;

    public TokenService(Settings settings) {
        this.settings = settings;
    }

    /** Tokens for a user; while the user's current access token is valid, that same token comes back (extended). */
    public synchronized Issued issue(String clientId, String userName) {
        Instant now = Instant.now();
        if (settings.get().reuseValidAccessToken()) {
            Optional<Grant> live = byRefreshToken.values().stream()
                    .filter(g -> g.clientId.equals(clientId) && g.userName.equals(userName))
                    .filter(g -> valid(g.currentAccessToken, now))
                    .findFirst();
            if (live.isPresent()) {
                return mint(live.get(), live.get().currentAccessToken, now);
            }
        }
        Grant grant = new Grant(clientId, userName, newToken(), now.plus(settings.get().refreshTokenLifespan()));
        byRefreshToken.put(grant.refreshToken, grant);
        return mint(grant, newToken(), now);
    }

    /** A new access token from a refresh token of the same client; earlier access tokens stay valid until expiry. */
    public synchronized Issued refresh(String clientId, String refreshToken) {
        Grant grant = byRefreshToken.get(refreshToken);
        Instant now = Instant.now();
        if (grant == null || !grant.clientId.equals(clientId) || !grant.refreshExpiresAt.isAfter(now)) {
            throw OAuthException.invalidGrant("Invalid refresh token");
        }
        return mint(grant, newToken(), now);
    }

    /** The user an access token acts for, when the token is valid. */
    public Optional<String> userOf(String accessToken) {
        AccessToken token = byAccessToken.get(accessToken);
        if (token == null || !token.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(token.grant().userName);
    }

    /** Revokes the grant an access or refresh token belongs to; unknown tokens are ignored. */
    public synchronized void revoke(String token) {
        Grant grant = Optional.ofNullable(byAccessToken.get(token)).map(AccessToken::grant)
                .orElse(byRefreshToken.get(token));
        if (grant != null) {
            forget(grant);
        }
    }

    public synchronized int revokeUser(String userName) {
        var grants = byRefreshToken.values().stream().filter(g -> g.userName.equals(userName)).toList();
        grants.forEach(this::forget);
        return grants.size();
    }

    public synchronized void clear() {
        byAccessToken.clear();
        byRefreshToken.clear();
    }

    private boolean valid(String accessToken, Instant now) {
        AccessToken token = accessToken == null ? null : byAccessToken.get(accessToken);
        return token != null && token.expiresAt().isAfter(now);
    }

    private void forget(Grant grant) {
        byRefreshToken.remove(grant.refreshToken);
        grant.accessTokens.forEach(byAccessToken::remove);
    }

    private Issued mint(Grant grant, String accessToken, Instant now) {
        Instant expiresAt = now.plus(settings.get().accessTokenLifespan());
        byAccessToken.put(accessToken, new AccessToken(grant, expiresAt));
        grant.accessTokens.add(accessToken);
        grant.currentAccessToken = accessToken;
        long expiresIn = Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond() - 1);
        return new Issued(accessToken, grant.refreshToken, expiresIn);
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
