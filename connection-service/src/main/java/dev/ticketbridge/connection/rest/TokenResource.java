package dev.ticketbridge.connection.rest;

import dev.ticketbridge.connection.service.TokenService;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Access tokens for ticket-service and sync-service. */
@Path("/internal/v1/tenants/{tenantId}/token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token")
@SecurityRequirement(name = "serviceToken")
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    @Operation(summary = "A valid access token and the instance URL", description = "Refreshed first when it expires "
            + "within 60 s (one refresh per connection however many callers). 404 without a connection; 409 with "
            + "connectionStatus when no token can be given.")
    public TokenService.IssuedToken token(@PathParam("tenantId") @Pattern(regexp = ConnectionResource.TENANT_PATTERN)
            String tenantId) {
        return tokens.validToken(tenantId);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a token the instance rejected", description = "Refreshes unless the current token "
            + "already differs from the rejected one, so many callers after one 401 cause one refresh.")
    public TokenService.IssuedToken refresh(@PathParam("tenantId") @Pattern(regexp = ConnectionResource.TENANT_PATTERN)
            String tenantId, Requests.Refresh body) {
        return tokens.replaceRejected(tenantId, ConnectionResource.required(body).rejectedAccessToken());
    }
}
