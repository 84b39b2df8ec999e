package dev.ticketbridge.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tracing on, spans handed to the exporter every 50 ms; the only exporter is {@link InMemorySpans} (the OTLP exporter
 * is not built in the test profile), so nothing leaves the JVM.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
