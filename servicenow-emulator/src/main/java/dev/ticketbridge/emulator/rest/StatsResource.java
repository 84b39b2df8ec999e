package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.Condition;
import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.service.TableService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Aggregate API: record counts, optionally grouped by fields. */
@Path("/api/now/stats/{table}")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final TableService tables;

    public StatsResource(TableService tables) {
        this.tables = tables;
    }

    @GET
    public Map<String, Object> stats(@PathParam("table") String table, @Context UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        boolean count = "true".equalsIgnoreCase(params.getFirst("sysparm_count"));
        List<String> groupBy = TableEndpoint.csv(params.getFirst("sysparm_group_by"));
        groupBy.removeIf(field -> !Tables.require(table).knows(field));
        List<Record> matching = tables.select(table, params.getFirst("sysparm_query"),
                TableEndpoint.equalsParams(params));
        if (groupBy.isEmpty()) {
            return Map.of("result", Map.of("stats", stats(count, matching.size())));
        }
        Map<List<String>, Integer> groups = new TreeMap<>(StatsResource::compareKeys);
        for (Record record : matching) {
            groups.merge(groupBy.stream().map(record::get).toList(), 1, Integer::sum);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, size) -> {
            List<Map<String, String>> fields = new ArrayList<>();
            for (int i = 0; i < groupBy.size(); i++) {
                Map<String, String> field = new LinkedHashMap<>();
                field.put("field", groupBy.get(i));
                field.put("value", key.get(i));
                fields.add(field);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("stats", stats(count, size));
            group.put("groupby_fields", fields);
            result.add(group);
        });
        return Map.of("result", result);
    }

    private static Map<String, String> stats(boolean count, int size) {
        return count ? Map.of("count", Integer.toString(size)) : Map.of();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Condition.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
