package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.gateway.service.AuditTrail;
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

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit", description = "Who shared what and who changed the ServiceNow connection")
public class AuditResource {

    private final AuditTrail audit;
    private final CallerIdentity identity;
    private final ApiConfig config;

    public AuditResource(AuditTrail audit, CallerIdentity identity, ApiConfig config) {
        this.audit = audit;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "The tenant's audit trail", description = "Newest first; administrators only.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "403", description = "The caller is not a security administrator")
    public AuditTrail.EntryPage list(
            @Parameter(description = "nextBefore of the previous page", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("before") String before,
            @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String size) {
        return audit.list(identity.caller(), QueryParams.optionalNumber("before", before),
                QueryParams.size(size, config));
    }
}
