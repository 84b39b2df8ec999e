package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.service.ShareForm;
import dev.ticketbridge.gateway.service.ShareService;
import dev.ticketbridge.gateway.service.ShareView;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shares", description = "Improvement actions shared to ServiceNow as change requests or incidents")
public class ShareResource {

    private final ShareService shares;
    private final CallerIdentity identity;

    public ShareResource(ShareService shares, CallerIdentity identity) {
        this.shares = shares;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Share an improvement action to ServiceNow",
            description = "Accepted at once; the ticket is created asynchronously. Poll the Location for its status. "
                    + "With an Idempotency-Key a retried request returns the share the first one made.")
    @APIResponse(responseCode = "202", description = "Accepted; the share is PENDING",
            headers = @Header(name = "Location", description = "The share's URL"))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it)")
    @APIResponse(responseCode = "403", description = "The caller is not a security administrator")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different share")
    public Response create(
            @Parameter(description = "Makes a retried request return the first result; up to 200 characters")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") ShareForm form, @Context UriInfo uri) {
        ShareService.Outcome outcome = shares.request(identity.caller(), form, idempotencyKey);
        return Response.accepted(outcome.share())
                .location(uri.getBaseUriBuilder().path("api/v1/shares").path(outcome.share().shareId().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "One share and its status",
            description = "PENDING until ServiceNow answers; CREATED with the ticket number and record URL; "
                    + "FAILED with ServiceNow's reason.")
    @APIResponse(responseCode = "200", description = "The share")
    @APIResponse(responseCode = "404", description = "No such share in the caller's tenant")
    public ShareView get(@PathParam("id") String id) {
        return shares.find(identity.caller(), parseId(id));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no share " + id);
        }
    }
}
