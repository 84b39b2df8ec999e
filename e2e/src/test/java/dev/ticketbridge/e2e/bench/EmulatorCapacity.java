package dev.ticketbridge.e2e.bench;

import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's own create capacity: incidents POSTed straight to the Table API of the stack's emulator process by
 * N parallel clients with the integration user's basic auth, the loop of the emulator module's EmulatorBenchmark.
 * It is the ceiling end-to-end share throughput is compared with, measured in the same run on the same process.
 */
final class EmulatorCapacity {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (ServiceNowEmulator.INTEGRATION_USER + ":" + ServiceNowEmulator.INTEGRATION_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));

    /** Creates per second, their latency and how many calls did not answer 201. */
    record Result(int calls, int clients, double seconds, Latencies latencies, int failures) {

        double createsPerSecond() {
            return calls / seconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("calls", calls);
            map.put("clients", clients);
            map.put("seconds", Report.round(seconds));
            map.put("createsPerSecond", Report.round(createsPerSecond()));
            map.put("latency", latencies.toMap());
            map.put("failures", failures);
            return map;
        }
    }

    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final String baseUrl;

    private EmulatorCapacity(String baseUrl, int clients) {
        this.baseUrl = baseUrl;
        this.httpThreads = Executors.newFixedThreadPool(Math.max(4, clients / 2));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A warm-up of up to 200 creates, then {@code calls} measured creates. */
    static Result measure(String emulatorUrl, int calls, int clients) throws Exception {
        EmulatorCapacity capacity = new EmulatorCapacity(emulatorUrl, clients);
        try {
            capacity.run(Math.min(200, calls), clients, "warm-up");
            return capacity.run(calls, clients, "capacity");
        } finally {
            capacity.httpThreads.shutdown();
        }
    }

    private Result run(int total, int clients, String kind) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = create(kind + "-" + i);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(total, clients, seconds, new Latencies(latencies), failures.get());
    }

    private int create(String id) {
        String body = "{\"short_description\":\"Emulator capacity " + id + "\",\"description\":\"Created directly"
                + " by the stack benchmark\",\"impact\":\"2\",\"urgency\":\"2\",\"correlation_id\":\"bench-" + id + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/now/table/incident"))
                .header("Authorization", AUTH).header("Accept", "application/json")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }
}
