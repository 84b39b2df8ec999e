package dev.ticketbridge.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole stack, started as the end-to-end tests start it, measured through its public surfaces only:
 * <ul>
 * <li>B1: N shares POSTed through the gateway API until each view says CREATED with a number (tickets/s,
 * accept→number p50/p99), next to the emulator's own create capacity measured on the same process in the same
 * run;</li>
 * <li>B3: agents move B1's incidents to another state in ServiceNow at a steady pace; change → read model p50/p99
 * as the API shows it (sync-service polling at the local stack's interval);</li>
 * <li>B4: a 200 ms slow instance with a rate limit scaled from per hour to per minute; use of the limit, 429s, lost
 * shares, time to drain;</li>
 * <li>B6: resident memory of each process idle and after B1, start-up time of each, the stack's ready time.</li>
 * </ul>
 * Not part of {@code ./mvnw verify}; run with {@code ./mvnw -B -ntp -pl e2e verify -Pbenchmarks} (options below as
 * {@code -D}). Prints a table and writes {@code e2e/target/benchmarks/stack-benchmarks.json} with a description of
 * the machine and its load average before and after.
 */
class StackBenchmark {

    private static final int SHARES = Integer.getInteger("bench.shares", 1000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int POLL_MS = Integer.getInteger("bench.poll-ms", 250);
    private static final int CAPACITY_CALLS = Integer.getInteger("bench.capacity-calls", 1000);
    private static final int CAPACITY_CLIENTS = Integer.getInteger("bench.capacity-clients", 16);
    private static final int DEADLINE_MINUTES = Integer.getInteger("bench.deadline-minutes", 20);
    private static final int B3_CHANGES = Integer.getInteger("bench.b3.changes", 100);
    private static final int B3_PACE_MS = Integer.getInteger("bench.b3.pace-ms", 200);
    private static final boolean RUN_B4 = Boolean.parseBoolean(System.getProperty("bench.b4", "true"));
    private static final int B4_LIMIT = Integer.getInteger("bench.b4.limit", 40);
    private static final int B4_WINDOW_SECONDS = Integer.getInteger("bench.b4.window-seconds", 60);
    private static final int B4_LATENCY_MS = Integer.getInteger("bench.b4.latency-ms", 200);
    private static final int B4_SHARES = Integer.getInteger("bench.b4.shares", 100);

    private final Report report = new Report();

    @Test
    void sharesThroughTheApiUnderNormalAndRateLimitedServiceNowWithTheStacksFootprint() throws Exception {
        Path root = Path.of(System.getProperty("ticketbridge.root", "..")).toAbsolutePath().normalize();
        Map<String, Object> machine = Machine.describe(root);
        machine.put("loadAverageBefore", Machine.loadAverage());
        machine.put("startedAt", Instant.now().toString());
        report.put("machine", machine);
        report.put("parameters", parameters());
        ShareRun.Outcome b1 = null;
        StateChangeRun.Result b3 = null;
        RateLimitRun.Result b4 = null;
        try {
            StackStart.Started started = StackStart.get();
            LocalStack stack = started.stack();
            Map<String, Object> b6 = new LinkedHashMap<>();
            report.put("b6Footprint", b6);
            b6.put("stackReadySeconds", started.readySeconds());
            b6.put("stackStartWallSeconds", started.readySeconds() == null ? null : Report.round(started.wallSeconds()));
            b6.put("startupSeconds", Footprint.startupSeconds(stack));
            b6.put("jvmOptions", Footprint.jvmOptions(stack));
            Map<String, Double> idle = Footprint.residentMiB(stack);
            b6.put("residentMiBIdleAfterStart", idle);

            AdminSession session = new AdminSession();
            Journeys.ensureConnected(session.api(), stack.emulatorUrl());
            b1 = shareThroughput(stack, session);
            Map<String, Double> afterB1 = Footprint.residentMiB(stack);
            b6.put("residentMiBAfterB1", afterB1);
            footprintRows(stack, started, idle, afterB1);

            if (B3_CHANGES > 0 && b1.created() > 0) {
                b3 = stateChanges(stack, session, b1.tag());
            }

            if (RUN_B4 && b1.accepted() > 0) {
                b4 = RateLimitRun.run(new RateLimitRun.Plan(B4_LIMIT, B4_WINDOW_SECONDS, B4_LATENCY_MS, B4_SHARES,
                        CLIENTS, Duration.ofMinutes(DEADLINE_MINUTES)), stack.emulatorUrl(), session, report,
                        System.out::println);
                report.put("b4RateLimit", b4.figures());
            }
        } finally {
            machine.put("loadAverageAfter", Machine.loadAverage());
            machine.put("finishedAt", Instant.now().toString());
            report.row("machine", "load average before -> after", machine.get("loadAverageBefore") + " -> "
                    + machine.get("loadAverageAfter"));
            Path json = root.resolve("e2e/target/benchmarks/stack-benchmarks.json");
            report.write(json);
            System.out.printf("%n=== Ticketbridge stack benchmarks ===%n%s(all figures: %s)%n%n", report.table(), json);
        }
        assertThat(b1.created()).as("B1 shares created with a number").isEqualTo(SHARES);
        assertThat(b1.withoutNumber()).as("B1 created shares without a number").isZero();
        if (b3 != null) {
            assertThat(b3.missed()).as("B3 state changes never seen in the read model").isZero();
        }
        if (b4 != null) {
            assertThat(b4.shares().accepted()).as("B4 shares accepted").isEqualTo(B4_SHARES);
            assertThat(b4.shares().lost()).as("B4 shares accepted but never created").isZero();
        }
    }

    private ShareRun.Outcome shareThroughput(LocalStack stack, AdminSession session) throws Exception {
        EmulatorCapacity.Result capacity = EmulatorCapacity.measure(stack.emulatorUrl(), CAPACITY_CALLS,
                CAPACITY_CLIENTS);
        Map<String, Double> cpuBefore = Footprint.cpuSeconds(stack);
        ShareRun.Outcome outcome = ShareRun.run(session, "B1", SHARES, CLIENTS, Duration.ofMillis(POLL_MS),
                Duration.ofMinutes(DEADLINE_MINUTES), System.out::println);
        Map<String, Double> cpuUsed = Footprint.cpuBetween(cpuBefore, Footprint.cpuSeconds(stack));
        double ratio = outcome.ticketsPerSecond() / capacity.createsPerSecond();

        Map<String, Object> b1 = new LinkedHashMap<>();
        b1.put("shares", outcome.toMap());
        b1.put("emulatorCreateCapacity", capacity.toMap());
        b1.put("throughputOverCapacity", Report.round(ratio));
        b1.put("cpuSecondsDuringB1", cpuUsed);
        report.put("b1ShareThroughput", b1);

        report.row("B1 through the API", "shares accepted / created / failed", String.format(
                "%d / %d / %d of %d (%d clients)", outcome.accepted(), outcome.created(), outcome.failed(), SHARES,
                CLIENTS));
        if (!outcome.refusals().isEmpty()) {
            report.row("B1 through the API", "refused (first)", outcome.refusals().get(0));
        }
        report.row("B1 through the API", "end-to-end throughput", String.format(
                "%.1f tickets/s (%.1f s from first POST to last number; API accepted %.1f shares/s)",
                outcome.ticketsPerSecond(), outcome.drainSeconds(), outcome.acceptedPerSecond()));
        report.row("B1 through the API", "emulator create capacity, same process", String.format(
                "%.1f creates/s (%d clients, %s)", capacity.createsPerSecond(), CAPACITY_CLIENTS, capacity.latencies()));
        report.row("B1 through the API", "throughput / capacity", String.format("%.1f %%", 100 * ratio));
        report.row("B1 through the API", "accept -> number (list read every " + POLL_MS + " ms)",
                outcome.acceptToNumber().toString());
        report.row("B1 through the API", "accept -> record created (stack clocks)", outcome.acceptToRecord().toString());
        report.row("B1 through the API", "CPU seconds during B1", cpuUsed.toString());
        return outcome;
    }

    private StateChangeRun.Result stateChanges(LocalStack stack, AdminSession session, String tag) {
        StateChangeRun.Result result = StateChangeRun.run(session, ServiceNowEmulator.attach(stack.emulatorUrl()), tag,
                B3_CHANGES, Duration.ofMillis(B3_PACE_MS), Duration.ofMillis(POLL_MS),
                Duration.ofMinutes(DEADLINE_MINUTES), System.out::println);
        Map<String, Object> b3 = new LinkedHashMap<>(result.toMap());
        b3.put("syncPollInterval", stack.setting("sync-service", "ticketbridge.sync.poll.interval"));
        report.put("b3StateChangeLag", b3);
        report.row("B3 through the stack", "changes made / seen in the read model", String.format(
                "%d / %d (one every %d ms over %.1f s; sync polls every %s)", result.changed(), result.seen(),
                B3_PACE_MS, result.spanSeconds(), b3.get("syncPollInterval")));
        report.row("B3 through the stack", "change in ServiceNow -> read model (list read every " + POLL_MS + " ms)",
                result.lag().toString());
        return result;
    }

    private void footprintRows(LocalStack stack, StackStart.Started started, Map<String, Double> idle,
            Map<String, Double> afterB1) {
        Map<String, Double> startup = Footprint.startupSeconds(stack);
        for (String name : stack.processNames()) {
            report.row("B6 footprint", name, String.format("RSS %,.0f MiB idle, %,.0f MiB after B1; start-up %s",
                    idle.get(name), afterB1.get(name), startup.get(name) == null ? "not logged"
                            : String.format("%.1f s", startup.get(name))));
        }
        report.row("B6 footprint", "whole stack", String.format("RSS %,.0f MiB idle, %,.0f MiB after B1; ready in %s",
                idle.get("total"), afterB1.get("total"), started.readySeconds() == null
                        ? "(started before the benchmark)" : started.readySeconds() + " s"));
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("bench.shares", SHARES);
        parameters.put("bench.clients", CLIENTS);
        parameters.put("bench.poll-ms", POLL_MS);
        parameters.put("bench.capacity-calls", CAPACITY_CALLS);
        parameters.put("bench.capacity-clients", CAPACITY_CLIENTS);
        parameters.put("bench.deadline-minutes", DEADLINE_MINUTES);
        parameters.put("bench.b3.changes", B3_CHANGES);
        parameters.put("bench.b3.pace-ms", B3_PACE_MS);
        parameters.put("bench.b4", RUN_B4);
        parameters.put("bench.b4.limit", B4_LIMIT);
        parameters.put("bench.b4.window-seconds", B4_WINDOW_SECONDS);
        parameters.put("bench.b4.latency-ms", B4_LATENCY_MS);
        parameters.put("bench.b4.shares", B4_SHARES);
        return parameters;
    }
}
