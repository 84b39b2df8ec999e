package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import dev.ticketbridge.emulator.service.TableService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** A small agent page: lists incidents and change requests and moves them through their states. */
@Path("/emulator/ui")
public class AgentUiResource {

    private final TableService tables;
    private final String agentUser;

    public AgentUiResource(TableService tables, EmulatorConfig config) {
        this.tables = tables;
        this.agentUser = config.agentUser();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        StringBuilder body = new StringBuilder("<h1>ServiceNow emulator - agent view (acting as ")
                .append(Html.escape(agentUser)).append(")</h1>\n");
        section(body, Tables.require(Tables.INCIDENT));
        section(body, Tables.require(Tables.CHANGE_REQUEST));
        return Html.page("ServiceNow emulator", body.toString());
    }

    @POST
    @Path("state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setState(@FormParam("table") String table, @FormParam("sys_id") String sysId,
                             @FormParam("state") String state) {
        tables.update(table, sysId, Map.of("state", state), agentUser, true);
        return Response.seeOther(URI.create("/emulator/ui")).build();
    }

    private void section(StringBuilder body, TableSchema schema) {
        body.append("<h2>").append(schema.name()).append("</h2>\n<table border=\"1\"><tr><th>Number</th>")
                .append("<th>Short description</th><th>State</th><th>Updated</th><th>Move to</th></tr>\n");
        for (Record record : tables.select(schema.name(), "ORDERBYDESCsys_updated_on", Map.of())) {
            body.append("<tr><td>").append(Html.escape(record.get("number"))).append("</td><td>")
                    .append(Html.escape(record.get("short_description"))).append("</td><td>")
                    .append(Html.escape(schema.label("state", record.get("state")))).append("</td><td>")
                    .append(record.get("sys_updated_on")).append("</td><td>")
                    .append(stateForm(schema, record)).append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private static String stateForm(TableSchema schema, Record record) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/emulator/ui/state\">")
                .append("<input type=\"hidden\" name=\"table\" value=\"").append(schema.name()).append("\">")
                .append("<input type=\"hidden\" name=\"sys_id\" value=\"").append(record.sysId()).append("\">")
                .append("<select name=\"state\">");
        schema.choices().get("state").forEach((value, label) -> form.append("<option value=\"")
                .append(Html.escape(value)).append("\">").append(Html.escape(label)).append("</option>"));
        return form.append("</select><button type=\"submit\">Move</button></form>").toString();
    }
}
