package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.service.RateLimiter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Rate-limit rules (sys_rate_limit_rules): add, list, remove. */
@Path("/emulator/admin/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RateLimitResource {

    private final RateLimiter rateLimiter;

    public RateLimitResource(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /** Body: {"limit_per_hour":100,"method":"POST","table":"incident","user":"abel.tuter","api":"Table API"}. */
    @POST
    public Response add(Map<String, Object> body) {
        Object limit = body == null ? null : body.get("limit_per_hour");
        if (limit == null) {
            throw new ApiException(400, "Missing limit_per_hour", null);
        }
        RateLimiter.Rule rule = rateLimiter.add(Integer.parseInt(limit.toString()), text(body, "method"),
                text(body, "table"), text(body, "user"), text(body, "api"));
        return Response.status(201).entity(rule).build();
    }

    @GET
    public List<RateLimiter.Rule> list() {
        return rateLimiter.rules();
    }

    @DELETE
    public Response clear() {
        rateLimiter.reset();
        return Response.noContent().build();
    }

    @DELETE
    @Path("{sys_id}")
    public Response remove(@PathParam("sys_id") String sysId) {
        if (!rateLimiter.remove(sysId)) {
            throw ApiException.notFound();
        }
        return Response.noContent().build();
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
