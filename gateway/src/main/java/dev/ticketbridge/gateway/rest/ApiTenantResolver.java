package dev.ticketbridge.gateway.rest;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
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

    @Override
    public String resolve(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/api/")) {
            return null;
        }
        boolean bearer = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        return bearer || !hasSession(context) ? API_TENANT : null;
    }

    private static boolean hasSession(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
