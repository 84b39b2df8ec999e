package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.gateway.CatalogAction;
import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.gateway.service.ImprovementActionCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/improvement-actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.READER})
@Tag(name = "Improvement actions", description = "Microsoft Secure Score improvement actions of the caller's tenant")
public class ImprovementActionResource {

    private final ImprovementActionCatalog catalog;
    private final CallerIdentity identity;
    private final ApiConfig config;

    public ImprovementActionResource(ImprovementActionCatalog catalog, CallerIdentity identity, ApiConfig config) {
        this.catalog = catalog;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "List improvement actions", description = "Paged; filter by category, service and text "
            + "(title or id); sort by rank (Microsoft's order, default) or maxScore (highest first).")
    @APIResponse(responseCode = "200", description = "One page of actions")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json naming it)")
    public ImprovementActionCatalog.ActionPage list(
            @Parameter(description = "Devices, Data, Apps, Identity or Infrastructure") @QueryParam("category") String category,
            @Parameter(description = "Owning service, e.g. AzureAD, MDO, EXO") @QueryParam("service") String service,
            @Parameter(description = "Text contained in the title or id") @QueryParam("text") String text,
            @Parameter(description = "rank (default) or maxScore") @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("page") String page,
            @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String size) {
        ImprovementActionCatalog.SortOrder order = "maxScore".equalsIgnoreCase(sort)
                ? ImprovementActionCatalog.SortOrder.MAX_SCORE
                : QueryParams.optionalEnum("sort", sort, ImprovementActionCatalog.SortOrder.class);
        return catalog.list(identity.caller().tenantId(), new ImprovementActionCatalog.Query(
                QueryParams.optionalEnum("category", category, RecommendationCategory.class),
                QueryParams.text("service", service), QueryParams.text("text", text),
                order == null ? ImprovementActionCatalog.SortOrder.RANK : order, QueryParams.page(page),
                QueryParams.size(size, config)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One improvement action", description = "With its sanitised remediation HTML.")
    @APIResponse(responseCode = "200", description = "The action")
    @APIResponse(responseCode = "404", description = "No such action in the caller's catalog")
    public CatalogAction get(@PathParam("id") String id) {
        return catalog.get(identity.caller().tenantId(), id);
    }
}
