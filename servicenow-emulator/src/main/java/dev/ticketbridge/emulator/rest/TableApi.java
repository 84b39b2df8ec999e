package dev.ticketbridge.emulator.rest;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Table API operations; subclasses bind them to the unversioned, v1 and v2 paths. Single-record operations are
 * short in-memory work and run on the event loop; list queries may scan many records and run on a worker thread.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public abstract class TableApi {

    private static final String NO_BODY = "X-no-response-body";

    private final TableEndpoint endpoint;

    protected TableApi(TableEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** True for v1, which answers an empty list with 404. */
    protected abstract boolean emptyListIsNotFound();

    @GET
    @Path("{table}")
    public Response list(@PathParam("table") String table, @Context UriInfo uri) {
        return endpoint.list(table, uri, emptyListIsNotFound());
    }

    @NonBlocking
    @GET
    @Path("{table}/{sys_id}")
    public Response get(@PathParam("table") String table, @PathParam("sys_id") String sysId, @Context UriInfo uri) {
        return endpoint.get(table, sysId, uri);
    }

    @NonBlocking
    @POST
    @Path("{table}")
    public Response create(@PathParam("table") String table, String body, @Context UriInfo uri,
                           @Context RoutingContext ctx, @HeaderParam(NO_BODY) String noBody) {
        return endpoint.create(table, body, uri, ctx, noBody);
    }

    @NonBlocking
    @PUT
    @Path("{table}/{sys_id}")
    public Response replace(@PathParam("table") String table, @PathParam("sys_id") String sysId, String body,
                            @Context UriInfo uri, @Context RoutingContext ctx, @HeaderParam(NO_BODY) String noBody) {
        return endpoint.update(table, sysId, body, uri, ctx, noBody);
    }

    @NonBlocking
    @PATCH
    @Path("{table}/{sys_id}")
    public Response update(@PathParam("table") String table, @PathParam("sys_id") String sysId, String body,
                           @Context UriInfo uri, @Context RoutingContext ctx, @HeaderParam(NO_BODY) String noBody) {
        return endpoint.update(table, sysId, body, uri, ctx, noBody);
    }

    @NonBlocking
    @DELETE
    @Path("{table}/{sys_id}")
    public Response delete(@PathParam("table") String table, @PathParam("sys_id") String sysId) {
        return endpoint.delete(table, sysId);
    }
}
