package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.ConnectionCheckReport;
import dev.ticketbridge.gateway.ConnectionRemoval;
import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.ServiceNowConnection;
import dev.ticketbridge.gateway.StateNames;
import dev.ticketbridge.gateway.service.ConnectionForm;
import dev.ticketbridge.gateway.service.ServiceNowConnections;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/connection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ServiceNow connection", description = "Set up, authorize, check, rename states and remove the tenant's connection")
public class ConnectionResource {

    /** Body of a state-name change: per table ({@code incident}, {@code change_request}) state code → label. */
    public record StateNamesForm(Map<String, Map<String, String>> renames) {
    }

    private final ServiceNowConnections connections;
    private final CallerIdentity identity;

    public ConnectionResource(ServiceNowConnections connections, CallerIdentity identity) {
        this.connections = connections;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "The connection's status", description = "Never a secret, only whether each is stored; "
            + "status NOT_CONNECTED when the tenant has no connection.")
    @APIResponse(responseCode = "200", description = "The connection")
    public ServiceNowConnection status() {
        return connections.status(identity.caller());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set up or replace the connection", description = "Stores instance, client id and client "
            + "secret; the connection then waits for authorization at the returned authorizeUrl.")
    @APIResponse(responseCode = "200", description = "The connection, PENDING_AUTHORIZATION, with authorizeUrl")
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it)")
    @APIResponse(responseCode = "403", description = "The caller is not a security administrator")
    public ServiceNowConnection setUp(ConnectionForm form) {
        return connections.setUp(identity.caller(), form);
    }

    @POST
    @Path("/authorization")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Authorize (again)", description = "Returns the ServiceNow consent page URL (authorizeUrl) "
            + "to send the browser to; sign in there as the integration user.")
    @APIResponse(responseCode = "200", description = "The connection with authorizeUrl")
    @APIResponse(responseCode = "404", description = "The tenant has no connection")
    public ServiceNowConnection authorize() {
        return connections.startAuthorization(identity.caller());
    }

    @POST
    @Path("/check")
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "Check the connection item by item", description = "With troubleshooting guidance for each "
            + "failed item.")
    @APIResponse(responseCode = "200", description = "The check report")
    @APIResponse(responseCode = "404", description = "The tenant has no connection")
    public ConnectionCheckReport check() {
        return connections.check(identity.caller());
    }

    @GET
    @Path("/state-names")
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "State labels", description = "defaults (the instance's or ServiceNow's standard labels), "
            + "the tenant's renames and the labels in effect, per table.")
    @APIResponse(responseCode = "200", description = "The state names")
    @APIResponse(responseCode = "404", description = "The tenant has no connection")
    public StateNames stateNames() {
        return connections.stateNames(identity.caller());
    }

    @PUT
    @Path("/state-names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the tenant's state renames", description = "Labels trimmed, non-empty, at most 40 "
            + "characters, known state codes only.")
    @APIResponse(responseCode = "200", description = "The state names after the change")
    @APIResponse(responseCode = "400", description = "A label or code is invalid (problem+json naming it)")
    public StateNames renameStates(StateNamesForm form) {
        return connections.renameStates(identity.caller(), form == null ? null : form.renames());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove the connection", description = "Revokes the tokens at ServiceNow and deletes the "
            + "stored secrets.")
    @APIResponse(responseCode = "200", description = "What the removal did")
    @APIResponse(responseCode = "404", description = "The tenant has no connection")
    public ConnectionRemoval remove() {
        return connections.remove(identity.caller());
    }
}
