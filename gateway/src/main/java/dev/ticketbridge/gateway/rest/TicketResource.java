package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.ShareStatus;
import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.gateway.service.TicketBoard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.READER})
@Tag(name = "Tickets", description = "Shares and the ServiceNow tickets they became")
public class TicketResource {

    private final TicketBoard board;
    private final CallerIdentity identity;
    private final ApiConfig config;

    public TicketResource(TicketBoard board, CallerIdentity identity, ApiConfig config) {
        this.board = board;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "List tickets", description = "Newest share first, pending and failed shares included. "
            + "Keyset pagination: pass nextCursor of one page as cursor of the next.")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json naming it)")
    public TicketBoard.TicketPage list(
            @Parameter(description = "change_request or incident") @QueryParam("type") String type,
            @Parameter(description = "pending, created or failed") @QueryParam("status") String status,
            @Parameter(description = "A state code or the tenant's label for it") @QueryParam("state") String state,
            @Parameter(description = "Text in the task name, number or action title") @QueryParam("text") String text,
            @Parameter(description = "Only open tickets past their due date") @QueryParam("overdue") boolean overdue,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String size) {
        return board.list(identity.caller(), new TicketBoard.Filter(
                QueryParams.optionalEnum("type", type, TicketType.class),
                QueryParams.optionalEnum("status", status, ShareStatus.class), QueryParams.text("state", state),
                QueryParams.text("text", text), overdue, cursor,
                QueryParams.size(size, config)));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The home cards", description = "Per ticket type: tickets per state (the tenant's labels), "
            + "pending, failed, open, overdue, and the points at stake in open tickets; and the connection status.")
    @APIResponse(responseCode = "200", description = "The summary")
    public TicketBoard.Summary summary() {
        return board.summary(identity.caller());
    }
}
