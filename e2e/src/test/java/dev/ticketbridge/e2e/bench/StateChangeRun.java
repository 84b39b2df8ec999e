package dev.ticketbridge.e2e.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * B3 through the whole stack: agents move incidents created by an earlier run to another state in ServiceNow, one at
 * a time at a steady pace, and the gateway's read model is read as a list (the run's tickets in the new state) at a
 * fixed interval. A change's lag runs from the emulator answering the agent's update to the first list read that
 * shows the ticket in its new state: polling by sync-service, {@code TicketUpdated} through Kafka and the gateway's
 * read model, so the figure is what a user looking at the portal would see (to within the read interval).
 */
final class StateChangeRun {

    /** An incident's state code an agent moves it to: In Progress. */
    static final String IN_PROGRESS = "2";

    record Result(int requested, int changed, int seen, Latencies lag, double spanSeconds, boolean timedOut) {

        int missed() {
            return changed - seen;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("changesRequested", requested);
            map.put("changesMade", changed);
            map.put("changesSeenInReadModel", seen);
            map.put("changesMissed", missed());
            map.put("changeSpanSeconds", Report.round(spanSeconds));
            map.put("changeToReadModel", lag.toMap());
            map.put("timedOut", timedOut);
            return map;
        }
    }

    private static final int PAGE = 200;

    private StateChangeRun() {
    }

    /**
     * Moves {@code changes} of the run {@code tag}'s created incidents to In Progress, one every {@code pace}, and
     * reads the read model every {@code pollInterval} until each shows or {@code deadline} passes.
     */
    static Result run(AdminSession session, ServiceNowEmulator emulator, String tag, int changes, Duration pace,
            Duration pollInterval, Duration deadline, Consumer<String> progress) {
        List<String> shares = new ArrayList<>(ids(session, "status=created&text=" + tag));
        shares = shares.subList(0, Math.min(changes, shares.size()));
        Map<String, String> sysIds = new LinkedHashMap<>();
        for (String shareId : shares) {
            List<Map<String, Object>> records = emulator.records("incident", "correlation_id=" + shareId);
            if (records.size() == 1) {
                sysIds.put(shareId, String.valueOf(records.get(0).get("sys_id")));
            }
        }

        Map<String, Long> changedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        ExecutorService agent = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        agent.execute(() -> {
            long next = System.nanoTime();
            for (Map.Entry<String, String> share : sysIds.entrySet()) {
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                emulator.setState("incident", share.getValue(), IN_PROGRESS);
                changedAt.put(share.getKey(), System.nanoTime());
                next += pace.toNanos();
            }
        });
        agent.shutdown();

        boolean timedOut = false;
        try {
            await("every changed incident of " + tag + " shows In Progress in the read model").atMost(deadline)
                    .pollDelay(Duration.ZERO).pollInterval(pollInterval).until(() -> {
                        long readStart = System.nanoTime();
                        Set<String> inProgress = ids(session, "status=created&type=incident&state=" + IN_PROGRESS
                                + "&text=" + tag);
                        long readEnd = System.nanoTime();
                        changedAt.forEach((id, at) -> {
                            if (at < readStart && inProgress.contains(id)) {
                                seenAt.putIfAbsent(id, readEnd);
                            }
                        });
                        return agent.isTerminated() && seenAt.size() == changedAt.size();
                    });
        } catch (ConditionTimeoutException e) {
            timedOut = true;
            progress.accept(tag + ": " + seenAt.size() + " of " + changedAt.size() + " changes seen within " + deadline);
        }
        agent.shutdownNow();

        List<Double> lags = new ArrayList<>();
        seenAt.forEach((id, seen) -> lags.add((seen - changedAt.get(id)) / 1e6));
        long lastChange = changedAt.values().stream().mapToLong(Long::longValue).max().orElse(start);
        return new Result(changes, changedAt.size(), seenAt.size(), new Latencies(lags), (lastChange - start) / 1e9,
                timedOut);
    }

    private static Set<String> ids(AdminSession session, String query) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = session.api().get("/api/v1/tickets?" + query + "&size=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + Journeys.encode(cursor))).expect(200).body();
            for (JsonNode item : page.path("items")) {
                ids.add(item.path("shareId").asText());
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
