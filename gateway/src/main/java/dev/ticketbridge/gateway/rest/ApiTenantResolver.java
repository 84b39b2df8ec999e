package dev.ticketbridge.gateway.rest;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Picks the OpenID Connect configuration of a request. API calls that carry a bearer token, or no portal session at
 * all, use the bearer-only {@code api} configuration, so a missing token answers 401 instead of redirecting to a
 * login page; everything else, the portal's cookie session included, uses the default hybrid configuration.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    static final String API_TENANT = "api";
    static final String SESSION_COOKIE = "q_session";
    /**
     * The default configuration, named: answering null for an {@code /api/} path would let Quarkus pick a tenant
     * by matching the path's {@code api} segment to the tenant of that name.
     */
    static final String DEFAULT_TENANT = "Default";

    @Override
    public String resolve(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/api/")) {
            return null;
        }
        boolean bearer = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        return bearer || !hasSession(context) ? API_TENANT : DEFAULT_TENANT;
    }

    /** Reads the raw Cookie header: a large session is split into {@code q_session_chunk_N} cookies. */
    private static boolean hasSession(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.COOKIE);
        if (header == null) {
            return false;
        }
        for (String cookie : header.split(";")) {
            if (cookie.trim().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
