package dev.ticketbridge.connection.rest;

import dev.ticketbridge.platform.problem.Problem;
import dev.ticketbridge.platform.servicetoken.ServiceTokenVerifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets only authenticated services call the internal API: a valid service token (see {@link ServiceTokenVerifier})
 * or 401 problem+json. The calling service's name is kept as request property {@value #CALLER}.
 */
public class ServiceAuthFilter {

    static final String CALLER = "ticketbridge.caller";

    private final ServiceTokenVerifier verifier;

    public ServiceAuthFilter(ServiceTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        try {
            request.setProperty(CALLER, verifier.verify(token));
            return null;
        } catch (ServiceTokenVerifier.InvalidServiceTokenException e) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ticketbridge-internal\"")
                    .entity(Problem.of(401, "Unauthorized", "A service token is required: " + e.getMessage()))
                    .build();
        }
    }
}
