package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.service.ConcurrencyGate;
import dev.ticketbridge.emulator.service.Faults;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: {@code PUT /emulator/admin/faults/{name}} switches a fault on (optional JSON body), {@code DELETE}
 * switches it off, {@code DELETE /emulator/admin/faults} switches all off. See README.md for every fault.
 */
@Path("/emulator/admin/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class FaultResource {

    private final Faults faults;
    private final ConcurrencyGate concurrency;

    public FaultResource(Faults faults, ConcurrencyGate concurrency) {
        this.faults = faults;
        this.concurrency = concurrency;
    }

    @GET
    public Map<String, Object> list() {
        Map<String, Object> state = new LinkedHashMap<>(faults.describe());
        state.put("concurrency_cap", concurrency.max());
        return state;
    }

    @PUT
    @Path("{name}")
    public Map<String, Object> on(@PathParam("name") String name, Map<String, Object> body) {
        FaultSpec spec = new FaultSpec(body == null ? Map.of() : body);
        switch (name) {
            case "latency" -> faults.latency(new Faults.Latency(spec.number("min_ms", 0),
                    spec.number("max_ms", spec.number("min_ms", 0)), spec.text("path_prefix", "")));
            case "errors" -> faults.errors(new Faults.Errors(spec.decimal("rate", 1.0),
                    (int) spec.number("status", 503), spec.text("path_prefix", ""),
                    new AtomicInteger((int) spec.number("count", -1))));
            case "hang" -> faults.hang(new Faults.Hang(spec.number("ms", 30_000), spec.text("path_prefix", ""),
                    new AtomicInteger((int) spec.number("count", -1))));
            case "hibernation" -> faults.hibernating(true);
            case "ip-block" -> faults.ipBlocked(true);
            case "change-state-quirk" -> faults.changeStateQuirk(true);
            case "oauth-entity-cross-scope" -> faults.crossScopeRefusal(spec.text("scope", "x_mioms_m365ticket"));
            case "concurrency-cap" -> concurrency.setMax((int) spec.number("max", 1));
            default -> throw unknown(name);
        }
        return list();
    }

    @PUT
    @Path("acl-insert/{table}")
    public Map<String, Object> aclInsertOn(@PathParam("table") String table) {
        faults.aclInsertDenied(table, true);
        return list();
    }

    @DELETE
    @Path("acl-insert/{table}")
    public Map<String, Object> aclInsertOff(@PathParam("table") String table) {
        faults.aclInsertDenied(table, false);
        return list();
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> off(@PathParam("name") String name) {
        switch (name) {
            case "latency" -> faults.latency(null);
            case "errors" -> faults.errors(null);
            case "hang" -> faults.hang(null);
            case "hibernation" -> faults.hibernating(false);
            case "ip-block" -> faults.ipBlocked(false);
            case "change-state-quirk" -> faults.changeStateQuirk(false);
            case "oauth-entity-cross-scope" -> faults.crossScopeRefusal(null);
            case "concurrency-cap" -> concurrency.setMax(0);
            default -> throw unknown(name);
        }
        return list();
    }

    @DELETE
    public Map<String, Object> allOff() {
        faults.reset();
        concurrency.setMax(0);
        return list();
    }

    private static ApiException unknown(String name) {
        return new ApiException(404, "Unknown fault " + name, "See README.md for the list of faults");
    }

    /** Typed access to a fault's JSON body. */
    private record FaultSpec(Map<String, Object> body) {

        long number(String key, long fallback) {
            Object value = body.get(key);
            return value == null ? fallback : Long.parseLong(value.toString());
        }

        double decimal(String key, double fallback) {
            Object value = body.get(key);
            return value == null ? fallback : Double.parseDouble(value.toString());
        }

        String text(String key, String fallback) {
            Object value = body.get(key);
            return value == null ? fallback : value.toString();
        }
    }
}
