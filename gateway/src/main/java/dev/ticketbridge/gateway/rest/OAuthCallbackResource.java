package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.AuthorizationOutcome;
import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.service.ServiceNowConnections;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where ServiceNow sends the browser back after its consent page (connection-service's redirect URI). The code and
 * state go to connection-service with the caller's tenant and user; the browser then lands on the portal's setup page.
 */
@Path("/api/v1/servicenow/oauth/callback")
@Tag(name = "ServiceNow connection")
public class OAuthCallbackResource {

    static final String SETUP_PAGE = "/#/setup";
    /** Keeps the redirect URL short whatever ServiceNow or connection-service wrote. */
    private static final int MAX_REASON = 300;

    private final ServiceNowConnections connections;
    private final CallerIdentity identity;

    public OAuthCallbackResource(ServiceNowConnections connections, CallerIdentity identity) {
        this.connections = connections;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Return from ServiceNow's consent page", description = "Completes the authorization and "
            + "redirects to /#/setup?authorized=true, or /#/setup?error=<reason>.")
    @APIResponse(responseCode = "303", description = "To the portal's setup page")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription) {
        try {
            AuthorizationOutcome outcome = connections.completeAuthorization(identity.caller(), state, code, error);
            if (outcome.connected()) {
                return toSetup("authorized=true");
            }
            String guidance = outcome.connection() == null ? null : outcome.connection().detail();
            return toSetup("error=" + encode(guidance != null ? guidance : denial(error, errorDescription)));
        } catch (ProblemException e) {
            return toSetup("error=" + encode(e.getMessage() == null ? e.toProblem().title() : e.getMessage()));
        }
    }

    private static String denial(String error, String description) {
        if (description != null && !description.isBlank()) {
            return description;
        }
        return "access_denied".equals(error) || error == null ? "access was denied on ServiceNow's consent page"
                : "ServiceNow answered " + error;
    }

    private static Response toSetup(String query) {
        return Response.seeOther(URI.create(SETUP_PAGE + "?" + query)).build();
    }

    private static String encode(String text) {
        String shown = text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
        return URLEncoder.encode(shown, StandardCharsets.UTF_8);
    }
}
