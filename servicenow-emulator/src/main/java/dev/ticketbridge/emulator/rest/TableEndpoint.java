package dev.ticketbridge.emulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.DisplayMode;
import dev.ticketbridge.emulator.Record;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import dev.ticketbridge.emulator.service.Faults;
import dev.ticketbridge.emulator.service.Page;
import dev.ticketbridge.emulator.service.RecordRenderer;
import dev.ticketbridge.emulator.service.RenderOptions;
import dev.ticketbridge.emulator.service.TableService;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table API request handling shared by the unversioned, v1 and v2 resources. */
@ApplicationScoped
public class TableEndpoint {

    static final int DEFAULT_LIMIT = 10000;

    private final TableService tables;
    private final RecordRenderer renderer;
    private final Faults faults;
    private final ObjectMapper json;
    private final EmulatorConfig config;

    public TableEndpoint(TableService tables, RecordRenderer renderer, Faults faults, ObjectMapper json,
                         EmulatorConfig config) {
        this.tables = tables;
        this.renderer = renderer;
        this.faults = faults;
        this.json = json;
        this.config = config;
    }

    Response list(String table, UriInfo uri, boolean emptyIsNotFound) {
        checkReadable(table);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        int limit = intParam(params.getFirst("sysparm_limit"), DEFAULT_LIMIT);
        int offset = Math.max(0, intParam(params.getFirst("sysparm_offset"), 0));
        Page page = tables.list(table, params.getFirst("sysparm_query"), equalsParams(params), offset, limit);
        if (page.total() == 0 && emptyIsNotFound) {
            throw ApiException.notFound();
        }
        RenderOptions options = options(params, uri);
        List<Map<String, Object>> result = page.records().stream()
                .map(r -> renderer.render(Tables.require(table), r, options))
                .toList();
        Response.ResponseBuilder response = Response.ok(Map.of("result", result))
                .header("X-Total-Count", page.total());
        if (!"true".equals(params.getFirst("sysparm_suppress_pagination_header"))) {
            response.header("Link", PaginationLinks.of(requestUri(uri), offset, limit, page.total()));
        }
        return response.build();
    }

    Response get(String table, String sysId, UriInfo uri) {
        checkReadable(table);
        Record record = tables.get(table, sysId);
        return Response.ok(single(table, record, uri)).build();
    }

    Response create(String table, String body, UriInfo uri, RoutingContext ctx, String noResponseBody) {
        Record record = tables.create(table, parse(body), Caller.of(ctx));
        URI location = URI.create(baseUrl(uri) + "/api/now/table/" + table + "/" + record.sysId());
        Response.ResponseBuilder response = Response.created(location);
        return ("true".equalsIgnoreCase(noResponseBody) ? response : response.entity(single(table, record, uri)))
                .build();
    }

    Response update(String table, String sysId, String body, UriInfo uri, RoutingContext ctx,
                    String noResponseBody) {
        Record record = tables.update(table, sysId, parse(body), Caller.of(ctx), false);
        return "true".equalsIgnoreCase(noResponseBody) ? Response.ok().build()
                : Response.ok(single(table, record, uri)).build();
    }

    Response delete(String table, String sysId) {
        tables.delete(table, sysId);
        return Response.noContent().build();
    }

    private Map<String, Object> single(String table, Record record, UriInfo uri) {
        return Map.of("result", renderer.render(Tables.require(table), record, options(uri.getQueryParameters(),
                uri)));
    }

    private void checkReadable(String table) {
        if (Tables.OAUTH_ENTITY.equals(table)) {
            faults.crossScopeRefusal().ifPresent(scope -> {
                throw new ApiException(403, "Read operation against 'oauth_entity' from scope '" + scope
                        + "' has been refused due to the table's cross-scope access policy",
                        "Access to 'oauth_entity' is restricted by its application access settings");
            });
        }
    }

    private RenderOptions options(MultivaluedMap<String, String> params, UriInfo uri) {
        return new RenderOptions(csv(params.getFirst("sysparm_fields")), DisplayMode.parse(params.getFirst("sysparm_display_value")),
                "true".equalsIgnoreCase(params.getFirst("sysparm_exclude_reference_link")), baseUrl(uri));
    }

    /** The request URI, moved to the configured instance URL when there is one. */
    private UriBuilder requestUri(UriInfo uri) {
        UriBuilder builder = uri.getRequestUriBuilder();
        config.instanceUrl().map(URI::create)
                .ifPresent(instance -> builder.scheme(instance.getScheme()).host(instance.getHost())
                        .port(instance.getPort()));
        return builder;
    }

    String baseUrl(UriInfo uri) {
        String base = config.instanceUrl().orElse(uri.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** name=value query parameters (everything not starting with sysparm_). */
    static Map<String, String> equalsParams(MultivaluedMap<String, String> params) {
        Map<String, String> equals = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!name.startsWith("sysparm_") && !values.isEmpty()) {
                equals.put(name, values.get(0));
            }
        });
        return equals;
    }

    private Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node.isArray() && !node.isEmpty()) {
                node = node.get(0);
            }
            if (!node.isObject()) {
                throw ApiException.invalidJson();
            }
            return json.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw ApiException.invalidJson();
        }
    }

    private static int intParam(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static List<String> csv(String value) {
        List<String> values = new ArrayList<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
