package dev.ticketbridge.e2e.fault;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end stack as the fault scenarios use it. ticket-service runs with shorter timings than its production
 * defaults (30 s request timeout, 2 min lease, 60 s before the look-up after an unknown outcome), so that a crash
 * or a call past the timeout resolves within the suite's budget; the decisions taken on them are the same.
 */
final class FaultStack {

    /** ticket-service settings of the fault suite; the lease must stay longer than the request timeout. */
    static final Map<String, String> TICKET_SERVICE_TIMINGS = Map.of(
            "ticketbridge.ticket.servicenow.request-timeout", "5s",
            "ticketbridge.ticket.worker.lease", "20s",
            "ticketbridge.ticket.retry.unknown-outcome-delay", "10s",
            "ticketbridge.ticket.retry.max-backoff", "15s");

    /** The request timeout above: a ServiceNow answer later than this is an unknown outcome for ticket-service. */
    static final Duration TICKET_SERVICE_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static boolean configured;

    private FaultStack() {
    }

    /** The stack, with ticket-service restarted once per test JVM on the fault suite's timings. */
    static synchronized LocalStack get() {
        LocalStack stack = E2eStack.get();
        if (!configured) {
            try {
                long begin = System.nanoTime();
                stack.restart("ticket-service", TICKET_SERVICE_TIMINGS);
                System.out.printf("[fault] ticket-service restarted on the fault timings in %.1f s%n", seconds(begin));
            } catch (IOException e) {
                throw new IllegalStateException("ticket-service did not restart: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            configured = true;
        }
        return stack;
    }

    static ServiceNowEmulator firstInstance() {
        return ServiceNowEmulator.attach(get().emulatorUrl());
    }

    /** Restarts a process, turning the checked exceptions into a test failure; returns how long it took. */
    static Duration restart(String name) {
        long begin = System.nanoTime();
        try {
            get().restart(name);
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not restart: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Whether the process of that name is alive (a scenario restarts what it stopped, even when it fails). */
    static boolean alive(String name) {
        return get().process(name).isAlive();
    }

    /**
     * The sum of a meter of a service's Prometheus page over the series whose tags contain every one of
     * {@code tags} (written {@code key="value"}), 0 when absent.
     */
    static double metric(int port, String name, String... tags) {
        try {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(page);
            double sum = 0;
            while (line.find()) {
                String labels = line.group(1) == null ? "" : line.group(1);
                if (java.util.Arrays.stream(tags).allMatch(labels::contains)) {
                    sum += Double.parseDouble(line.group(2));
                }
            }
            return sum;
        } catch (IOException e) {
            throw new IllegalStateException("metrics of port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
