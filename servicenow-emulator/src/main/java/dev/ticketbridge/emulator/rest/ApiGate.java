package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.service.ConcurrencyGate;
import dev.ticketbridge.emulator.service.Faults;
import dev.ticketbridge.emulator.service.RateLimiter;
import dev.ticketbridge.emulator.service.RequestLog;
import dev.ticketbridge.emulator.service.TokenService;
import dev.ticketbridge.emulator.service.UserDirectory;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a ServiceNow instance does before a request reaches an API: IP access control, hibernation, the API_INT
 * semaphore, injected latency/hangs/errors, authentication (Bearer or Basic) and rate-limit rules. Also counts every
 * non-admin request in the request log. Admin (/emulator) and health (/q) paths pass untouched.
 */
@ApplicationScoped
public class ApiGate {

    /** Routing-context key holding the authenticated user name. */
    public static final String USER = "emulator.user";
    /** Routing-context key a resource sets to record an OAuth grant type in the request log. */
    public static final String GRANT_TYPE = "emulator.grant_type";

    private static final Pattern API_TABLE = Pattern.compile("^/api/now/(?:v[12]/)?(table|stats)/([^/]+)");

    private final Faults faults;
    private final ConcurrencyGate concurrency;
    private final TokenService tokens;
    private final UserDirectory users;
    private final RateLimiter rateLimiter;
    private final RequestLog requestLog;

    public ApiGate(Faults faults, ConcurrencyGate concurrency, TokenService tokens, UserDirectory users,
                   RateLimiter rateLimiter, RequestLog requestLog) {
        this.faults = faults;
        this.concurrency = concurrency;
        this.tokens = tokens;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.requestLog = requestLog;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 100);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/emulator") || path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        String method = ctx.request().method().name();
        ctx.addEndHandler(done -> requestLog.record(method, path, ctx.response().getStatusCode(),
                ctx.get(GRANT_TYPE)));
        boolean api = path.startsWith("/api/now/");
        if (!api && !path.startsWith("/oauth_")) {
            ctx.next();
            return;
        }
        if (faults.ipBlocked()) {
            json(ctx, 403, ErrorBodies.envelopeJson("Access Denied",
                    "Your IP address is not allowed to access this instance (IP address access control)"));
            return;
        }
        if (faults.hibernating()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end(ErrorBodies.HIBERNATING_PAGE);
            return;
        }
        if (api) {
            Optional<Runnable> permit = concurrency.tryEnter();
            if (permit.isEmpty()) {
                json(ctx, 429, ErrorBodies.envelopeJson("Too Many Requests",
                        "The maximum number of concurrent API requests has been reached"));
                return;
            }
            ctx.addEndHandler(done -> permit.get().run());
        }
        long delay = faults.delayFor(path);
        if (delay > 0) {
            ctx.vertx().setTimer(delay, id -> proceed(ctx, path, method, api));
        } else {
            proceed(ctx, path, method, api);
        }
    }

    private void proceed(RoutingContext ctx, String path, String method, boolean api) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        Optional<Integer> error = faults.errorFor(path);
        if (error.isPresent()) {
            injectError(ctx, error.get());
            return;
        }
        if (api && !authenticate(ctx) || api && !withinRateLimit(ctx, path, method)) {
            return;
        }
        ctx.next();
    }

    private boolean authenticate(RoutingContext ctx) {
        Optional<String> user = userOf(ctx.request().getHeader("Authorization"));
        if (user.isEmpty()) {
            json(ctx, 401, ErrorBodies.envelopeJson("User Not Authenticated", "Required to provide Auth information"));
            return false;
        }
        ctx.put(USER, user.get());
        return true;
    }

    private Optional<String> userOf(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.userOf(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0 && users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                    return Optional.of(decoded.substring(0, colon));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean withinRateLimit(RoutingContext ctx, String path, String method) {
        Matcher matcher = API_TABLE.matcher(path);
        boolean found = matcher.find();
        String api = !found ? "REST API" : matcher.group(1).equals("table") ? "Table API" : "Aggregate API";
        String table = found ? matcher.group(2) : null;
        var verdict = rateLimiter.check(method, table, ctx.get(USER), api);
        if (verdict.isEmpty()) {
            return true;
        }
        var v = verdict.get();
        var response = ctx.response()
                .putHeader("X-RateLimit-Limit", Integer.toString(v.rule().limitPerHour()))
                .putHeader("X-RateLimit-Reset", Long.toString(v.resetEpochSecond()))
                .putHeader("X-RateLimit-Rule", v.rule().sysId());
        if (v.exceeded()) {
            long retryAfter = Math.max(1, v.resetEpochSecond() - Instant.now().getEpochSecond());
            response.putHeader("Retry-After", Long.toString(retryAfter));
            json(ctx, 429, ErrorBodies.envelopeJson("Rate limit exceeded", "Rate limit of "
                    + v.rule().limitPerHour() + " requests per hour for " + api + " exceeded"));
            return false;
        }
        return true;
    }

    private static void injectError(RoutingContext ctx, int status) {
        if (status == 502 || status == 503) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end(ErrorBodies.gatewayPage(status));
        } else {
            json(ctx, status, ErrorBodies.envelopeJson("Internal server error", "Injected fault"));
        }
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8").end(body);
    }
}
