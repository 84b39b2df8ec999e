package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.DisplayMode;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import dev.ticketbridge.emulator.service.EmulatorLifecycle;
import dev.ticketbridge.emulator.service.RecordRenderer;
import dev.ticketbridge.emulator.service.RenderOptions;
import dev.ticketbridge.emulator.service.RequestLog;
import dev.ticketbridge.emulator.service.Settings;
import dev.ticketbridge.emulator.service.TableService;
import dev.ticketbridge.emulator.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own admin and agent API (outside /api/now, no authentication; for tests and demos only): reset,
 * behaviour settings, the request log, token revocation and acting on tickets as a ServiceNow agent.
 */
@Path("/emulator/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AdminResource {

    private final EmulatorLifecycle lifecycle;
    private final Settings settings;
    private final RequestLog requestLog;
    private final TokenService tokens;
    private final TableService tables;
    private final RecordRenderer renderer;
    private final String agentUser;

    public AdminResource(EmulatorLifecycle lifecycle, Settings settings, RequestLog requestLog, TokenService tokens,
                         TableService tables, RecordRenderer renderer, EmulatorConfig config) {
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.requestLog = requestLog;
        this.tokens = tokens;
        this.tables = tables;
        this.renderer = renderer;
        this.agentUser = config.agentUser();
    }

    @POST
    @Path("reset")
    public Response reset(@QueryParam("keep_tokens") boolean keepTokens) {
        lifecycle.reset(keepTokens);
        return Response.noContent().build();
    }

    @GET
    @Path("settings")
    public Settings.Values settings() {
        return settings.get();
    }

    @PUT
    @Path("settings")
    public Settings.Values updateSettings(Map<String, Object> changes) {
        return settings.update(changes == null ? Map.of() : changes);
    }

    @GET
    @Path("requests")
    public Map<String, Object> requests() {
        List<RequestLog.Entry> entries = requestLog.entries();
        return Map.of("total", entries.stream().mapToLong(RequestLog.Entry::count).sum(), "requests", entries);
    }

    /** Count of requests by method, path-template prefix (versions dropped) and grant type; all optional. */
    @GET
    @Path("requests/count")
    public Map<String, Long> count(@QueryParam("method") String method, @QueryParam("path") String path,
                                   @QueryParam("grant_type") String grantType) {
        return Map.of("count", requestLog.count(method, path, grantType));
    }

    @DELETE
    @Path("requests")
    public Response clearRequests() {
        requestLog.clear();
        return Response.noContent().build();
    }

    @POST
    @Path("users/{user_name}/revoke-tokens")
    public Map<String, Integer> revokeTokens(@PathParam("user_name") String userName) {
        return Map.of("revoked", tokens.revokeUser(userName));
    }

    /** Records of a table as raw values (references as sys_ids), optionally filtered by an encoded query. */
    @GET
    @Path("tables/{table}")
    public List<Map<String, Object>> records(@PathParam("table") String table, @QueryParam("query") String query) {
        RenderOptions options = new RenderOptions(List.of(), DisplayMode.VALUE, true, "");
        return tables.select(table, query, Map.of()).stream()
                .map(r -> renderer.render(Tables.require(table), r, options))
                .toList();
    }

    /** Moves a ticket to a state as an agent would (no state-model or data-policy checks). Body: {"state":"2"}. */
    @POST
    @Path("tables/{table}/{sys_id}/state")
    public Map<String, Object> setState(@PathParam("table") String table, @PathParam("sys_id") String sysId,
                                        Map<String, Object> body) {
        Object state = body == null ? null : body.get("state");
        if (state == null) {
            throw new ApiException(400, "Missing state", null);
        }
        return agentPatch(table, sysId, Map.of("state", state.toString()));
    }

    /** Updates any fields as the agent user, e.g. {"work_notes":"Looking into it","assigned_to":"..."}. */
    @PATCH
    @Path("tables/{table}/{sys_id}")
    public Map<String, Object> agentPatch(@PathParam("table") String table, @PathParam("sys_id") String sysId,
                                          Map<String, Object> body) {
        var record = tables.update(table, sysId, body == null ? Map.of() : body, agentUser, true);
        return renderer.render(Tables.require(table), record,
                new RenderOptions(List.of(), DisplayMode.VALUE, true, ""));
    }
}
