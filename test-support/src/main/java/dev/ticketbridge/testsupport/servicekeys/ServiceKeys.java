package dev.ticketbridge.testsupport.servicekeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service-to-service keys for tests: one RSA key pair per service name, generated once per JVM. Gives the
 * configuration a calling service needs ({@link #callerConfig}) and the configuration the called service needs to
 * trust it ({@link #trustConfig}), and signs tokens directly for tests that call connection-service by hand
 * ({@link #bearer}).
 */
public final class ServiceKeys {

    /** The audience every service token is meant for. */
    public static final String CONNECTION_SERVICE = "connection-service";
    /** The services that call connection-service. */
    public static final String[] CALLERS = {"gateway", "ticket-service", "sync-service"};

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private ServiceKeys() {
    }

    /** Config for a service that calls connection-service with {@code ServiceTokenFilter}: its name and private key. */
    public static Map<String, String> callerConfig(String service) {
        return Map.of(
                "ticketbridge.service-auth.issuer", service,
                "ticketbridge.service-auth.private-key", privateKeyPem(service),
                "ticketbridge.service-auth.audience", CONNECTION_SERVICE);
    }

    /** Config for connection-service to accept tokens of the given services (default: gateway, ticket and sync). */
    public static Map<String, String> trustConfig(String... services) {
        Map<String, String> config = new HashMap<>();
        for (String service : services.length == 0 ? CALLERS : services) {
            config.put("ticketbridge.service-auth.trusted-issuers." + service, publicKeyPem(service));
        }
        return config;
    }

    /** PEM text of the service's private key (PKCS#8). */
    public static String privateKeyPem(String service) {
        return pem("PRIVATE KEY", pair(service).getPrivate().getEncoded());
    }

    /** PEM text of the service's public key (X.509). */
    public static String publicKeyPem(String service) {
        return pem("PUBLIC KEY", pair(service).getPublic().getEncoded());
    }

    /** An {@code Authorization} header value for a call from {@code service} to connection-service. */
    public static String bearer(String service) {
        return "Bearer " + token(service, CONNECTION_SERVICE, Duration.ofMinutes(2));
    }

    /** A token signed RS256 with the service's key; any audience or lifetime, for negative tests too. */
    public static String token(String service, String audience, Duration lifetime) {
        return sign(pair(service), service, audience, lifetime);
    }

    /** A token claiming to come from {@code service} but signed with a key nobody trusts. */
    public static String forgedToken(String service) {
        return sign(pair("untrusted:" + service), service, CONNECTION_SERVICE, Duration.ofMinutes(2));
    }

    private static String sign(KeyPair keys, String issuer, String audience, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"iat\":" + now
                + ",\"exp\":" + (now + lifetime.toSeconds()) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a test service token", e);
        }
    }

    private static KeyPair pair(String service) {
        return PAIRS.computeIfAbsent(service, name -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not generate a test key pair", e);
            }
        });
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
