package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.OAuthException;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The authorization-code flow of the seeded OAuth application: pending authorizations (log-in, then consent),
 * single-use short-lived codes, PKCE (S256 and plain) and client authentication.
 */
@ApplicationScoped
public class AuthorizationService {

    /** An authorization between /oauth_auth.do and the user's decision; userName is set after log-in. */
    public record Pending(String id, String redirectUri, String state, String challenge, String challengeMethod,
                          String userName) {
    }

    private record Code(String redirectUri, String userName, String challenge, String challengeMethod,
                        Instant expiresAt) {
    }

    private static final Pattern LOOPBACK = Pattern.compile("^http://(127\\.0\\.0\\.1|localhost)(:\\d+)?(/.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final EmulatorConfig.OAuth config;
    private final UserDirectory users;

    public AuthorizationService(EmulatorConfig config, UserDirectory users) {
        this.config = config.oauth();
        this.users = users;
    }

    public String clientId() {
        return config.clientId();
    }

    public List<String> redirectUrls() {
        return config.redirectUrls().orElse(List.of());
    }

    public boolean clientAuthenticates(String clientId, String clientSecret) {
        return config.clientId().equals(clientId) && config.clientSecret().equals(clientSecret);
    }

    /** Validates an authorization request; failures are shown to the user, not redirected. */
    public Pending start(String responseType, String clientId, String redirectUri, String state, String challenge,
                         String challengeMethod) {
        if (!config.clientId().equals(clientId)) {
            throw OAuthException.invalidRequest("Invalid client_id");
        }
        if (!"code".equals(responseType)) {
            throw OAuthException.invalidRequest("Unsupported response_type; only 'code' is supported");
        }
        if (redirectUri == null || !redirectAllowed(redirectUri)) {
            throw OAuthException.invalidRequest("Invalid redirect_uri");
        }
        if (config.stateRequired() && (state == null || state.isBlank())) {
            throw OAuthException.invalidRequest("Missing State parameter in request.");
        }
        String method = challenge == null ? null : Optional.ofNullable(challengeMethod).orElse("plain");
        Pending request = new Pending(newId(), redirectUri, state, challenge, method, null);
        pending.put(request.id(), request);
        return request;
    }

    public Pending logIn(String pendingId, String userName, String password) {
        Pending request = find(pendingId);
        if (!users.authenticate(userName, password)) {
            throw new OAuthException(401, "access_denied", "User name or password invalid");
        }
        Pending loggedIn = new Pending(request.id(), request.redirectUri(), request.state(), request.challenge(),
                request.challengeMethod(), userName);
        pending.put(loggedIn.id(), loggedIn);
        return loggedIn;
    }

    /** The redirect URL after the user allowed or denied access. */
    public String decide(String pendingId, boolean allow) {
        Pending request = find(pendingId);
        if (request.userName() == null) {
            throw OAuthException.invalidRequest("Not logged in");
        }
        pending.remove(pendingId);
        if (!allow) {
            return withQuery(request.redirectUri(), "error=access_denied" + stateParam(request));
        }
        String code = newId();
        codes.put(code, new Code(request.redirectUri(), request.userName(), request.challenge(),
                request.challengeMethod(), Instant.now().plus(config.codeLifespan())));
        return withQuery(request.redirectUri(), "code=" + code + stateParam(request));
    }

    /** Redeems a code once; the user it was issued for. */
    public String redeem(String code, String redirectUri, String verifier) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.expiresAt().isAfter(Instant.now())) {
            throw OAuthException.invalidGrant("Invalid or expired authorization code");
        }
        if (redirectUri != null && !redirectUri.equals(issued.redirectUri())) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (issued.challenge() != null && !verifierMatches(issued, verifier)) {
            throw OAuthException.invalidGrant("PKCE verification failed");
        }
        return issued.userName();
    }

    public Pending find(String pendingId) {
        Pending request = pendingId == null ? null : pending.get(pendingId);
        if (request == null) {
            throw OAuthException.invalidRequest("Unknown or expired authorization request");
        }
        return request;
    }

    public void clear() {
        pending.clear();
        codes.clear();
    }

    private boolean redirectAllowed(String uri) {
        return (config.allowLoopbackRedirects() && LOOPBACK.matcher(uri).matches()) || redirectUrls().contains(uri);
    }

    private static boolean verifierMatches(Code issued, String verifier) {
        if (verifier == null) {
            return false;
        }
        if ("S256".equals(issued.challengeMethod())) {
            return s256(verifier).equals(issued.challenge());
        }
        return verifier.equals(issued.challenge());
    }

    /** BASE64URL(SHA-256(verifier)) without padding (RFC 7636). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stateParam(Pending request) {
        return request.state() == null ? "" : "&state=" + URLEncoder.encode(request.state(), StandardCharsets.UTF_8);
    }

    private static String withQuery(String uri, String query) {
        return uri + (URI.create(uri).getRawQuery() == null ? "?" : "&") + query;
    }

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
