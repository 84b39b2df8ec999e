package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard for the portal's cookie session. An {@code /api/} request that would be
 * authenticated by the session cookie (it has one and no {@code Authorization} header) must carry
 * {@code X-Requested-With: ticketbridge-portal}, a header a cross-site form or simple cross-origin request cannot set.
 * Bearer-token calls are unaffected. The one exception is the OAuth callback: ServiceNow sends the browser there with
 * a plain GET (its state parameter, single-use and bound to the user, protects it).
 */
public class SessionCsrfGuard {

    static final String HEADER = "X-Requested-With";
    static final String VALUE = "ticketbridge-portal";
    static final String OAUTH_CALLBACK = "/api/v1/servicenow/oauth/callback";

    /** Whether a request must be refused: pure, so it can be checked without a session. */
    static boolean refuses(String method, String path, boolean bearer, boolean sessionCookie, String requestedWith) {
        if (!path.startsWith("/api/") || bearer || !sessionCookie) {
            return false;
        }
        if ("GET".equals(method) && path.equals(OAUTH_CALLBACK)) {
            return false;
        }
        return !VALUE.equals(requestedWith);
    }

    static boolean hasSessionCookie(Map<String, Cookie> cookies) {
        return cookies.keySet().stream().anyMatch(name -> name.startsWith(ApiTenantResolver.SESSION_COOKIE));
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && !authorization.isBlank();
        if (!refuses(request.getMethod(), request.getUriInfo().getPath(), bearer, hasSessionCookie(request.getCookies()),
                request.getHeaderString(HEADER))) {
            return null;
        }
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "Forbidden",
                "a request of the portal session must carry the header " + HEADER + ": " + VALUE)).build();
    }
}
