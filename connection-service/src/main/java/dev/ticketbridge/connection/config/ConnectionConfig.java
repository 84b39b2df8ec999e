package dev.ticketbridge.connection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tunables of connection-service. */
@ConfigMapping(prefix = "ticketbridge.connection")
public interface ConnectionConfig {

    /** Where ServiceNow sends the browser after consent: in production the gateway's public callback URL. */
    String redirectUri();

    /** Host suffix an instance URL must end with, over https on port 443. */
    @WithDefault(".service-now.com")
    String allowedHostSuffix();

    /**
     * Instance origins admitted besides {@link #allowedHostSuffix()}, exactly as {@code scheme://host[:port]}
     * (the emulator or a local stack: {@code http://127.0.0.1:8089}). Empty by default.
     */
    Optional<List<String>> allowedInstanceUrls();

    /** How long an authorize URL (its {@code state}) can be completed. */
    @WithDefault("PT10M")
    Duration authorizationLifetime();

    /** A token expiring within this window is refreshed before it is handed out. */
    @WithDefault("PT60S")
    Duration refreshAhead();

    /** Connect and read timeout of every call to a ServiceNow instance. */
    @WithDefault("PT10S")
    Duration instanceTimeout();

    /** Send a PKCE S256 challenge with every authorization request. */
    @WithDefault("true")
    boolean pkce();

    Encryption encryption();

    /** Keys that encrypt client secrets and tokens at rest (AES-256-GCM). */
    interface Encryption {

        /** Id of the key new values are encrypted with; values under other configured ids stay readable. */
        String activeKeyId();

        /** Key id → base64 of a 32-byte AES key. Keep retired keys here until no stored value uses them. */
        Map<String, String> keys();
    }
}
