package dev.ticketbridge.gateway.client;

import dev.ticketbridge.platform.health.DependencyProbe;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "connection-service reachable", reported in the {@code dependencies} group ({@code /q/health/group/dependencies})
 * and deliberately not in readiness: without connection-service only the connection pages fail (503 problem+json),
 * while catalog, shares, tickets and the home page keep working, so the gateway stays in rotation. One GET of
 * connection-service's {@code /q/health/live}, 1 s timeout, answer reused for 5 s.
 */
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
