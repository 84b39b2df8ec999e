package dev.ticketbridge.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Puts the tenant and share a piece of work is about into the logging MDC, so every line written meanwhile carries
 * them ({@code tenantId}, {@code shareId}: a {@code %X} in text logs, the {@code mdc} object of JSON logs). Use it in
 * try-with-resources; closing restores what the keys held before, so contexts nest.
 *
 * <pre>{@code
 * try (LogContext log = LogContext.tenant(tenantId)) {
 *     log.put(LogContext.SHARE_ID, shareId);
 *     ...
 * }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String TENANT_ID = "tenantId";
    public static final String SHARE_ID = "shareId";

    private final Map<String, Object> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** A context naming the tenant. */
    public static LogContext tenant(String tenantId) {
        return new LogContext().put(TENANT_ID, tenantId);
    }

    /** A context naming the tenant and the share. */
    public static LogContext share(String tenantId, Object shareId) {
        return tenant(tenantId).put(SHARE_ID, shareId);
    }

    /** Adds a key for the rest of this context; a null value leaves the key out. */
    public LogContext put(String key, Object value) {
        if (value != null) {
            Object before = MDC.put(key, value.toString());
            previous.putIfAbsent(key, before);
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, before) -> {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        });
        previous.clear();
    }
}
