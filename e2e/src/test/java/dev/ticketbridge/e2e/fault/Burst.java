package dev.ticketbridge.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Journeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of shares sent through the API from a small pool of threads, as many administrators pressing Share at
 * once. Incidents and change requests alternate. Accepted shares (202) go to the ledger; any other answer, or no
 * answer at all, is counted by what it was and is not part of the ledger.
 */
final class Burst implements AutoCloseable {

    private final Gateway admin;
    private final Ledger ledger;
    private final ExecutorService pool;
    private final List<Future<?>> sends = new ArrayList<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private long startedAt;
    private long endedAt;

    private Burst(Gateway admin, Ledger ledger, int threads) {
        this.admin = admin;
        this.ledger = ledger;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Starts sending {@code shares} shares named {@code label #n} from {@code threads} threads; returns at once. */
    static Burst start(Gateway admin, Ledger ledger, int shares, int threads, String label) {
        Burst burst = new Burst(admin, ledger, threads);
        JsonNode action = Journeys.firstAction(admin);
        burst.startedAt = System.nanoTime();
        for (int i = 0; i < shares; i++) {
            String type = i % 2 == 0 ? "INCIDENT" : "CHANGE_REQUEST";
            Map<String, Object> form = Journeys.shareForm(action, type, label + " #" + i);
            burst.sends.add(burst.pool.submit(() -> burst.send(form, type)));
        }
        burst.pool.shutdown();
        return burst;
    }

    private void send(Map<String, Object> form, String type) {
        try {
            Gateway.Answer answer = admin.post("/api/v1/shares", form);
            if (answer.status() == 202) {
                ledger.accepted(Journeys.shareId(answer), type);
            } else {
                refused.computeIfAbsent("HTTP " + answer.status(), k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (RuntimeException e) {
            refused.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
        } finally {
            answered.incrementAndGet();
        }
    }

    /** How many requests have had their answer (or failed) so far. */
    int answered() {
        return answered.get();
    }

    /** Waits until every request has been answered; returns how long the burst took. */
    Duration awaitSent(Duration deadline) throws InterruptedException {
        if (!pool.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the burst was not sent within " + deadline.toSeconds() + " s: " + answered()
                    + " answered");
        }
        endedAt = System.nanoTime();
        return sendingTime();
    }

    Duration sendingTime() {
        return Duration.ofNanos(endedAt - startedAt);
    }

    /** Requests not accepted, by what came back: {@code HTTP 503}, {@code no answer}... */
    Map<String, Integer> refused() {
        Map<String, Integer> counts = new TreeMap<>();
        refused.forEach((what, count) -> counts.put(what, count.get()));
        return counts;
    }

    int refusedTotal() {
        return refused.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
