package dev.ticketbridge.platform.servicetoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Service-to-service authentication: the key a calling service signs its tokens with, and the public keys a
 * called service trusts. Keys are PEM text (PKCS#8 private key, X.509 public key); the base64 body without the
 * {@code -----BEGIN ...} lines is accepted too.
 */
@ConfigMapping(prefix = "ticketbridge.service-auth")
public interface ServiceAuthConfig {

    /** The {@code iss} of the tokens this service issues: its service name. */
    @WithDefault("${quarkus.application.name:unnamed-service}")
    String issuer();

    /** PEM text of this service's RSA private key (PKCS#8); takes precedence over {@link #privateKeyLocation()}. */
    Optional<String> privateKey();

    /** Path of a file holding this service's PEM private key, used when {@link #privateKey()} is not set. */
    Optional<String> privateKeyLocation();

    /** The {@code aud} of the tokens this service issues. */
    @WithDefault("connection-service")
    String audience();

    /** Lifetime of an issued token; verifiers refuse tokens living longer than five minutes. */
    @WithDefault("PT2M")
    Duration tokenLifetime();

    /** The audience this service accepts in tokens it receives: its own name. */
    @WithDefault("${quarkus.application.name:unnamed-service}")
    String acceptedAudience();

    /** Services whose tokens this service accepts: service name ({@code iss}) → PEM public key. */
    Map<String, String> trustedIssuers();
}
