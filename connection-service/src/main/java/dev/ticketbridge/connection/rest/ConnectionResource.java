package dev.ticketbridge.connection.rest;

import dev.ticketbridge.connection.CheckReport;
import dev.ticketbridge.connection.ConnectionView;
import dev.ticketbridge.connection.service.AuthorizationCallback;
import dev.ticketbridge.connection.service.ConnectionCheck;
import dev.ticketbridge.connection.service.ConnectionService;
import dev.ticketbridge.connection.service.Revocation;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The gateway's API for a tenant's ServiceNow connection. The tenant comes from the path and only from there. */
@Path("/internal/v1/tenants/{tenantId}/connection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "connection")
@SecurityRequirement(name = "serviceToken")
public class ConnectionResource {

    static final String TENANT_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final ConnectionService connections;
    private final AuthorizationCallback callback;
    private final ConnectionCheck check;

    public ConnectionResource(ConnectionService connections, AuthorizationCallback callback, ConnectionCheck check) {
        this.connections = connections;
        this.callback = callback;
        this.check = check;
    }

    @PUT
    @Operation(summary = "Create or replace the connection", description = "Stores instance, client id and encrypted "
            + "client secret, sets PENDING_AUTHORIZATION and returns the authorizeUrl the browser must visit.")
    public ConnectionView connect(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId,
            Requests.Connect body) {
        Requests.Connect request = required(body);
        return connections.connect(tenantId, request.instance(), request.clientId(), request.clientSecret(),
                request.requestedBy());
    }

    @GET
    @Operation(summary = "Status of the connection (no secrets: only whether they are stored, and token expiry)")
    public ConnectionView status(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId) {
        return connections.view(tenantId);
    }

    @POST
    @Path("/authorization")
    @Operation(summary = "Authorize again", description = "Starts a new authorization; returns the authorizeUrl.")
    public ConnectionView authorize(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId,
            Requests.Authorize body) {
        return connections.authorize(tenantId, required(body).requestedBy());
    }

    @POST
    @Path("/callback")
    @Operation(summary = "Complete an authorization", description = "Checks state (single use, unexpired, issued to "
            + "this tenant and user), exchanges the code and connects; an error such as access_denied ends it as DENIED.")
    public AuthorizationCallback.Result callback(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId,
            Requests.Callback body) {
        Requests.Callback request = required(body);
        return callback.complete(tenantId, request.state(), request.code(), request.error(), request.requestedBy());
    }

    @POST
    @Path("/check")
    @Operation(summary = "Check the connection item by item, with guidance for known failures")
    public CheckReport check(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId) {
        return check.check(tenantId);
    }

    @GET
    @Path("/state-names")
    @Operation(summary = "State labels: defaults (instance or standard), renames and effective labels")
    public Map<String, Map<String, Map<String, String>>> stateNames(
            @PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId) {
        return connections.stateNames(tenantId);
    }

    @PUT
    @Path("/state-names")
    @Operation(summary = "Replace the tenant's state renames (labels non-empty, at most 40 characters)")
    public Map<String, Map<String, Map<String, String>>> renameStates(
            @PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId, Requests.StateNames body) {
        return connections.renameStates(tenantId, required(body).renames());
    }

    @DELETE
    @Operation(summary = "Remove the connection", description = "Revokes both tokens at the instance, deletes the "
            + "secrets and publishes REMOVED.")
    public Revocation.Outcome remove(@PathParam("tenantId") @Pattern(regexp = TENANT_PATTERN) String tenantId) {
        return connections.remove(tenantId);
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(400, "Invalid request", "a JSON request body is required");
        }
        return body;
    }
}
