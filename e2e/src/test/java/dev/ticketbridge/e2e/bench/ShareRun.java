package dev.ticketbridge.e2e.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Journeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Shares N improvement actions through the gateway API as the portal does, from a pool of clients, and follows each
 * accepted share until its view is no longer PENDING. Rather than asking for every share's view, it reads the
 * run's pending shares as a list (the run's tag is in each task name) at a fixed interval: a share accepted before a
 * read and missing from it has left PENDING, so a share's accept→number latency is known to within that interval.
 */
final class ShareRun {

    private static final int PAGE = 200;

    /** Everything one run measured; times are {@link System#nanoTime()} readings. */
    record Outcome(String tag, int requested, int accepted, List<String> refusals, int created, int failed,
            int withoutNumber, long startNanos, long lastAcceptedNanos, long lastDoneNanos, Latencies acceptToNumber,
            Latencies acceptToRecord, boolean timedOut, int pollErrors, String lastPollError) {

        int lost() {
            return accepted - created;
        }

        /** Seconds from the first POST to the last share seen with its number. */
        double drainSeconds() {
            return lastDoneNanos == 0 ? Double.NaN : (lastDoneNanos - startNanos) / 1e9;
        }

        double ticketsPerSecond() {
            return created / drainSeconds();
        }

        double acceptedPerSecond() {
            return accepted / ((lastAcceptedNanos - startNanos) / 1e9);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("runTag", tag);
            map.put("sharesRequested", requested);
            map.put("sharesAccepted", accepted);
            map.put("sharesCreated", created);
            map.put("sharesFailed", failed);
            map.put("createdWithoutNumber", withoutNumber);
            map.put("lostShares", lost());
            map.put("refusals", refusals.stream().limit(10).toList());
            map.put("acceptedPerSecond", Report.round(acceptedPerSecond()));
            map.put("drainSeconds", Report.round(drainSeconds()));
            map.put("ticketsPerSecond", Report.round(ticketsPerSecond()));
            map.put("acceptToNumber", acceptToNumber.toMap());
            map.put("acceptToRecordServerClock", acceptToRecord.toMap());
            map.put("timedOut", timedOut);
            map.put("pollErrors", pollErrors);
            map.put("lastPollError", lastPollError);
            return map;
        }
    }

    private final AdminSession session;
    private final String tag = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> doneAt = new ConcurrentHashMap<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pollErrors = new AtomicInteger();
    private volatile String lastPollError;

    private ShareRun(AdminSession session) {
        this.session = session;
    }

    /**
     * Shares {@code shares} incidents with {@code clients} parallel clients and waits up to {@code deadline} for all
     * of them to leave PENDING, reading the pending list every {@code pollInterval}.
     */
    static Outcome run(AdminSession session, String label, int shares, int clients, Duration pollInterval,
            Duration deadline, Consumer<String> progress) {
        return new ShareRun(session).execute(label, shares, clients, pollInterval, deadline, progress);
    }

    private Outcome execute(String label, int shares, int clients, Duration pollInterval, Duration deadline,
            Consumer<String> progress) {
        JsonNode action = Journeys.firstAction(session.api());
        AtomicInteger next = new AtomicInteger();
        ExecutorService posting = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            posting.execute(() -> {
                for (int i = next.getAndIncrement(); i < shares; i = next.getAndIncrement()) {
                    post(Journeys.shareForm(action, "INCIDENT", label + " " + tag + " #" + i));
                }
            });
        }
        posting.shutdown();
        boolean timedOut = false;
        try {
            await("every share of " + tag + " leaves PENDING").atMost(deadline).pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval).until(() -> {
                        observe();
                        return posting.isTerminated() && doneAt.size() == acceptedAt.size();
                    });
        } catch (ConditionTimeoutException e) {
            timedOut = true;
            progress.accept(tag + ": " + doneAt.size() + " of " + acceptedAt.size() + " accepted shares left PENDING"
                    + " within " + deadline);
        }
        posting.shutdownNow();
        return outcome(shares, start, timedOut);
    }

    private void post(Map<String, Object> form) {
        try {
            Gateway.Answer answer = session.api().post("/api/v1/shares", form);
            long now = System.nanoTime();
            if (answer.status() == 202 && answer.location().isPresent()) {
                acceptedAt.put(Journeys.shareId(answer), now);
            } else {
                refusals.add(answer.status() + " " + answer.body());
            }
        } catch (RuntimeException e) {
            refusals.add(e.getMessage());
        }
    }

    /** One read of the run's pending shares: every share accepted before the read and not in it is done. */
    private void observe() {
        long readStart = System.nanoTime();
        Set<String> pending;
        try {
            pending = ids("pending", item -> { });
        } catch (RuntimeException e) {
            pollErrors.incrementAndGet();
            lastPollError = e.getMessage();
            return;
        }
        long readEnd = System.nanoTime();
        acceptedAt.forEach((id, at) -> {
            if (at < readStart && !pending.contains(id)) {
                doneAt.putIfAbsent(id, readEnd);
            }
        });
    }

    /** The ids of the run's shares in one status, page by page; each item also goes to {@code each}. */
    private Set<String> ids(String status, Consumer<JsonNode> each) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            String path = "/api/v1/tickets?status=" + status + "&text=" + tag + "&size=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + Journeys.encode(cursor));
            JsonNode page = session.api().get(path).expect(200).body();
            for (JsonNode item : page.path("items")) {
                ids.add(item.path("shareId").asText());
                each.accept(item);
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private Outcome outcome(int requested, long start, boolean timedOut) {
        List<Double> recordLatencies = new ArrayList<>();
        AtomicInteger withoutNumber = new AtomicInteger();
        Set<String> created = ids("created", item -> {
            if (item.path("number").asText("").isBlank()) {
                withoutNumber.incrementAndGet();
            }
            serverMillis(item).ifPresent(recordLatencies::add);
        });
        created.retainAll(acceptedAt.keySet());
        int failed = ids("failed", item -> { }).size();
        List<Double> numberLatencies = new ArrayList<>();
        long lastDone = 0;
        for (String id : created) {
            Long done = doneAt.get(id);
            if (done != null) {
                numberLatencies.add((done - acceptedAt.get(id)) / 1e6);
                lastDone = Math.max(lastDone, done);
            }
        }
        long lastAccepted = acceptedAt.values().stream().mapToLong(Long::longValue).max().orElse(start);
        return new Outcome(tag, requested, acceptedAt.size(), List.copyOf(refusals), created.size(), failed,
                withoutNumber.get(), start, lastAccepted, lastDone, new Latencies(numberLatencies),
                new Latencies(recordLatencies), timedOut, pollErrors.get(), lastPollError);
    }

    /**
     * From the gateway accepting the share to ticket-service creating the record, both by the stack's clocks (one
     * machine): {@code requestedAt} is set on accept, {@code lastUpdated} to the time of {@code TicketCreated}.
     */
    private static Optional<Double> serverMillis(JsonNode item) {
        try {
            Instant requested = Instant.parse(item.path("requestedAt").asText());
            Instant created = Instant.parse(item.path("lastUpdated").asText());
            return Optional.of(Duration.between(requested, created).toNanos() / 1e6);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
