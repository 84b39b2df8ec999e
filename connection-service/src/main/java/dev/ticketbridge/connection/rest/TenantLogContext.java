package dev.ticketbridge.connection.rest;

import dev.ticketbridge.platform.logging.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every line logged while a tenant's request is handled carries {@code tenantId} in the MDC: taken from the path of
 * {@code /internal/v1/tenants/{tenantId}/...} when it is a valid tenant id, and removed when the answer is written.
 */
public class TenantLogContext {

    private static final Pattern TENANT = Pattern.compile(ConnectionResource.TENANT_PATTERN);

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        String tenantId = request.getUriInfo().getPathParameters().getFirst("tenantId");
        if (tenantId != null && TENANT.matcher(tenantId).matches()) {
            MDC.put(LogContext.TENANT_ID, tenantId);
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(LogContext.TENANT_ID);
    }
}
