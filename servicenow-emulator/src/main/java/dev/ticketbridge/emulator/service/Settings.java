package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Behaviour switches, initialised from configuration and changeable at run time through the admin API. */
@ApplicationScoped
public class Settings {

    /** One consistent set of switches. */
    public record Values(boolean strictQuery, boolean requireResolutionFields, boolean enforceChangeTransitions,
                         boolean clientCredentialsEnabled, boolean reuseValidAccessToken, Duration accessTokenLifespan,
                         Duration refreshTokenLifespan, Duration rateLimitWindow) {
    }

    private final Values initial;
    private final AtomicReference<Values> current;

    public Settings(EmulatorConfig config) {
        this.initial = new Values(config.strictQuery(), config.requireResolutionFields(),
                config.enforceChangeTransitions(), config.oauth().clientCredentialsEnabled(),
                config.oauth().reuseValidAccessToken(), config.oauth().accessTokenLifespan(),
                config.oauth().refreshTokenLifespan(), config.rateLimitWindow());
        this.current = new AtomicReference<>(initial);
    }

    public Values get() {
        return current.get();
    }

    /** Applies the given changes (snake_case keys as in the admin API; durations in seconds). */
    public Values update(Map<String, Object> changes) {
        return current.updateAndGet(v -> new Values(
                flag(changes, "strict_query", v.strictQuery()),
                flag(changes, "require_resolution_fields", v.requireResolutionFields()),
                flag(changes, "enforce_change_transitions", v.enforceChangeTransitions()),
                flag(changes, "client_credentials_enabled", v.clientCredentialsEnabled()),
                flag(changes, "reuse_valid_access_token", v.reuseValidAccessToken()),
                seconds(changes, "access_token_lifespan_seconds", v.accessTokenLifespan()),
                seconds(changes, "refresh_token_lifespan_seconds", v.refreshTokenLifespan()),
                seconds(changes, "rate_limit_window_seconds", v.rateLimitWindow())));
    }

    public void reset() {
        current.set(initial);
    }

    private static boolean flag(Map<String, Object> changes, String key, boolean fallback) {
        Object value = changes.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }

    private static Duration seconds(Map<String, Object> changes, String key, Duration fallback) {
        Object value = changes.get(key);
        return value == null ? fallback : Duration.ofSeconds(Long.parseLong(value.toString()));
    }
}
