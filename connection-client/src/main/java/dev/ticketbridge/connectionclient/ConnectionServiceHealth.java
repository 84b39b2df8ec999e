package dev.ticketbridge.connectionclient;

import dev.ticketbridge.platform.health.DependencyProbe;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes "connection-service reachable": without its token API this service can do no ServiceNow work,
 * so it reports not ready (its liveness is unaffected: a restart would not help). Also in the {@code dependencies}
 * group ({@code /q/health/group/dependencies}). One GET of connection-service's {@code /q/health/live}, 1 s timeout,
 * answer reused for 5 s.
 */
@Readiness
@HealthGroup("dependencies")
@ApplicationScoped
public class ConnectionServiceHealth implements HealthCheck {

    private final DependencyProbe probe;

    public ConnectionServiceHealth(@ConfigProperty(name = "quarkus.rest-client.connection-service.url") String url) {
        this.probe = DependencyProbe.liveness("connection-service reachable", url);
    }

    @Override
    public HealthCheckResponse call() {
        return probe.check();
    }
}
