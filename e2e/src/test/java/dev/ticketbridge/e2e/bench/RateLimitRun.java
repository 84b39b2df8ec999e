package dev.ticketbridge.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * B4: a slow instance (a latency fault on every Table API call) with an hourly rate limit, scaled down so a run
 * takes minutes: a rule of {@code limit} incident creates by the integration user per window of
 * {@code windowSeconds} (the emulator's {@code rate_limit_window_seconds}) stands in for {@code limit} per hour.
 * More shares than one window allows are shared through the API; the emulator's request log, read every 250 ms,
 * gives the creates and 429s of each window. Every share must be created once the windows reset (none lost).
 * Faults, rules and the window are put back afterwards.
 */
final class RateLimitRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_PATH = "/api/now/table/incident";
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    /** The stack starts its emulator with the default one-hour rate-limit window. */
    private static final int DEFAULT_WINDOW_SECONDS = 3600;

    /** What to run: the rule, the window it counts in, the added latency and the shares. */
    record Plan(int limit, int windowSeconds, int latencyMs, int shares, int clients, Duration deadline) {
    }

    /** The creates the emulator let through and the 429s it answered in one rate-limit window. */
    record Window(Instant start, long created, long rateLimited, boolean wholeWindowBusy) {
    }

    /** The shares' outcome (for the checks) and everything measured (for the report). */
    record Result(ShareRun.Outcome shares, Map<String, Object> figures) {
    }

    /** One reading of the emulator's request log. */
    private record Sample(long epochMillis, long created, long rateLimited) {
    }

    private final Plan plan;
    private final ServiceNowEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    private RateLimitRun(Plan plan, String emulatorUrl) {
        this.plan = plan;
        this.emulator = ServiceNowEmulator.attach(emulatorUrl);
    }

    static Result run(Plan plan, String emulatorUrl, AdminSession session, Report report,
            Consumer<String> progress) {
        return new RateLimitRun(plan, emulatorUrl).execute(session, report, progress);
    }

    private Result execute(AdminSession session, Report report, Consumer<String> progress) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ShareRun.Outcome outcome;
        long epochAtStart;
        long nanoAtStart;
        try {
            emulator.fault("latency", Map.of("min_ms", plan.latencyMs(), "max_ms", plan.latencyMs(),
                    "path_prefix", "/api/now/table"));
            emulator.settings(Map.of("rate_limit_window_seconds", plan.windowSeconds()));
            admin("POST", "/emulator/admin/rate-limits", Map.of("limit_per_hour", plan.limit(), "method", "POST",
                    "table", "incident", "user", ServiceNowEmulator.INTEGRATION_USER, "api", "Table API"), 201);
            emulator.clearRequestLog();
            sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            epochAtStart = System.currentTimeMillis();
            nanoAtStart = System.nanoTime();
            outcome = ShareRun.run(session, "B4", plan.shares(), plan.clients(), Duration.ofSeconds(1),
                    plan.deadline(), progress);
        } finally {
            sampler.shutdownNow();
            emulator.clearFaults();
            admin("DELETE", "/emulator/admin/rate-limits", null, 204);
            emulator.settings(Map.of("rate_limit_window_seconds", DEFAULT_WINDOW_SECONDS));
        }
        sample();
        long firstPost = epochAtStart + (outcome.startNanos() - nanoAtStart) / 1_000_000;
        long lastDone = outcome.lastDoneNanos() == 0 ? Long.MAX_VALUE
                : epochAtStart + (outcome.lastDoneNanos() - nanoAtStart) / 1_000_000;
        List<Window> windows = windows(firstPost, lastDone);
        return new Result(outcome, summarise(outcome, windows, firstPost, report));
    }

    private Map<String, Object> summarise(ShareRun.Outcome outcome, List<Window> windows, long firstPost,
            Report report) {
        Sample last = samples.get(samples.size() - 1);
        List<Window> busy = windows.stream().filter(Window::wholeWindowBusy).toList();
        double busyUse = busy.isEmpty() ? Double.NaN
                : busy.stream().mapToLong(Window::created).sum() / (double) (busy.size() * plan.limit());
        double firstWindowUse = windows.isEmpty() ? Double.NaN : windows.get(0).created() / (double) plan.limit();
        double earliestDrain = earliestDrainSeconds(firstPost);

        Map<String, Object> b4 = new LinkedHashMap<>();
        b4.put("scaling", "a rule of " + plan.limit() + " incident creates by the integration user per "
                + plan.windowSeconds() + " s window stands for " + plan.limit() + " per hour: the clock of the limit"
                + " runs " + (DEFAULT_WINDOW_SECONDS / plan.windowSeconds()) + " times faster; sync's polling is"
                + " not under the rule");
        b4.put("latencyMsOnEveryTableCall", plan.latencyMs());
        b4.put("limitPerWindow", plan.limit());
        b4.put("windowSeconds", plan.windowSeconds());
        b4.put("shares", outcome.toMap());
        b4.put("createsAllowed", last.created());
        b4.put("rateLimited429", last.rateLimited());
        b4.put("useOfLimitFirstWindow", Report.round(firstWindowUse));
        b4.put("useOfLimitWholeBusyWindows", Report.round(busyUse));
        b4.put("earliestPossibleDrainSeconds", Report.round(earliestDrain));
        b4.put("windows", windows.stream().map(this::toMap).toList());

        report.row("B4 rate limit", "limit, scaling", plan.limit() + " creates per " + plan.windowSeconds()
                + " s window (for " + plan.limit() + "/hour), " + plan.latencyMs() + " ms latency on every Table call");
        report.row("B4 rate limit", "shares accepted / created / lost", outcome.accepted() + " / " + outcome.created()
                + " / " + outcome.lost());
        if (!outcome.refusals().isEmpty()) {
            report.row("B4 rate limit", "refused (first)", outcome.refusals().get(0));
        }
        report.row("B4 rate limit", "429s seen", Long.toString(last.rateLimited()));
        report.row("B4 rate limit", "use of the limit per window (created/limit)", windows.stream()
                .map(w -> String.format("%.0f%%%s", 100.0 * w.created() / plan.limit(), w.wholeWindowBusy() ? "*" : ""))
                .toList() + " (* = busy the whole window)");
        report.row("B4 rate limit", "time to drain", String.format("%.1f s (earliest possible %.1f s)",
                outcome.drainSeconds(), earliestDrain));
        report.row("B4 rate limit", "accept -> number", outcome.acceptToNumber().toString());
        return b4;
    }

    private Map<String, Object> toMap(Window window) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("start", window.start().toString());
        map.put("created", window.created());
        map.put("rateLimited429", window.rateLimited());
        map.put("countedByEmulator", window.created() + window.rateLimited());
        map.put("useOfLimit", Report.round(window.created() / (double) plan.limit()));
        map.put("wholeWindowBusy", window.wholeWindowBusy());
        return map;
    }

    /**
     * The earliest the last share could be created: the start of the window in which enough creates have been
     * allowed, counting from the window of the first POST.
     */
    private double earliestDrainSeconds(long firstPostMillis) {
        long windowMillis = plan.windowSeconds() * 1000L;
        long windowsNeeded = (plan.shares() + plan.limit() - 1) / plan.limit();
        long firstWindow = firstPostMillis / windowMillis;
        long lastWindowStart = (firstWindow + windowsNeeded - 1) * windowMillis;
        return Math.max(0, lastWindowStart - firstPostMillis) / 1000.0;
    }

    private List<Window> windows(long firstPost, long lastDone) {
        long windowMillis = plan.windowSeconds() * 1000L;
        Sample previous = new Sample(0, 0, 0);
        List<Window> windows = new ArrayList<>();
        long first = firstPost / windowMillis;
        long lastSampled = samples.get(samples.size() - 1).epochMillis() / windowMillis;
        for (long w = first; w <= lastSampled; w++) {
            Sample end = lastBefore((w + 1) * windowMillis);
            long start = w * windowMillis;
            boolean busy = start >= firstPost && start + windowMillis <= lastDone;
            if (end.epochMillis() > 0 && start <= lastDone) {
                windows.add(new Window(Instant.ofEpochMilli(start), end.created() - previous.created(),
                        end.rateLimited() - previous.rateLimited(), busy));
            }
            previous = end.epochMillis() > 0 ? end : previous;
        }
        return windows;
    }

    private Sample lastBefore(long epochMillis) {
        Sample found = new Sample(0, 0, 0);
        for (Sample sample : samples) {
            if (sample.epochMillis() < epochMillis) {
                found = sample;
            }
        }
        return found;
    }

    private void sample() {
        try {
            JsonNode log = JSON.readTree(admin("GET", "/emulator/admin/requests", null, 200));
            long created = 0;
            long limited = 0;
            for (JsonNode entry : log.path("requests")) {
                if ("POST".equals(entry.path("method").asText()) && CREATE_PATH.equals(entry.path("path").asText())) {
                    int status = entry.path("status").asInt();
                    created += status == 201 ? entry.path("count").asLong() : 0;
                    limited += status == 429 ? entry.path("count").asLong() : 0;
                }
            }
            samples.add(new Sample(System.currentTimeMillis(), created, limited));
        } catch (IOException | RuntimeException e) {
            // A missed reading only widens the window attribution of the next one.
        }
    }

    private String admin(String method, String path, Object body, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
