package dev.ticketbridge.platform.servicetoken;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signs the short-lived RS256 JWTs this service presents to another service ({@code iss} = this service,
 * {@code aud} = the called service, {@code exp} at most five minutes ahead). A token is reused until shortly
 * before it expires, so a busy caller signs about one token per lifetime.
 */
@ApplicationScoped
public class ServiceTokenIssuer {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private record Issued(String token, Instant expiresAt) {
    }

    private final ServiceAuthConfig config;
    private final AtomicReference<PrivateKey> key = new AtomicReference<>();
    private final AtomicReference<Issued> current = new AtomicReference<>();

    public ServiceTokenIssuer(ServiceAuthConfig config) {
        this.config = config;
    }

    /** A valid token for the configured audience. */
    public String token() {
        Issued issued = current.get();
        if (issued == null || Instant.now().plus(RENEW_BEFORE_EXPIRY).isAfter(issued.expiresAt())) {
            issued = sign(config.audience());
            current.set(issued);
        }
        return issued.token();
    }

    /** The value of an {@code Authorization} header carrying {@link #token()}. */
    public String authorizationHeader() {
        return "Bearer " + token();
    }

    private Issued sign(String audience) {
        Duration lifetime = config.tokenLifetime().compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : config.tokenLifetime();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        String token = Jwt.issuer(config.issuer())
                .subject(config.issuer())
                .audience(audience)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(privateKey());
        return new Issued(token, expiresAt);
    }

    private PrivateKey privateKey() {
        PrivateKey loaded = key.get();
        if (loaded == null) {
            loaded = Pem.privateKey(config.privateKey().orElseGet(this::readKeyFile));
            key.set(loaded);
        }
        return loaded;
    }

    private String readKeyFile() {
        String location = config.privateKeyLocation().orElseThrow(() -> new IllegalStateException(
                "no service key: set ticketbridge.service-auth.private-key or ticketbridge.service-auth.private-key-location"));
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service private key at " + location);
        }
    }
}
