package dev.ticketbridge.emulator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures the emulator over HTTP with N concurrent clients: incident creates per second, then list queries per
 * second (an incremental-sync style query and a correlation_id look-up). Uses only the JDK, so it runs from
 * {@code target/test-classes} without a class path:
 * {@code java -cp servicenow-emulator/target/test-classes dev.ticketbridge.emulator.bench.EmulatorBenchmark
 * [--url http://127.0.0.1:8089] [--clients 16] [--creates 20000] [--queries 2000]}.
 * Without {@code --url} it starts {@code servicenow-emulator/target/quarkus-app/quarkus-run.jar} itself.
 */
public final class EmulatorBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "ticketbridge.integration:Integration-Demo-1".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http;
    private final String base;
    private final int clients;

    private EmulatorBenchmark(String base, int clients) {
        this.base = base;
        this.clients = clients;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(4, clients / 2)))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int creates = Integer.parseInt(options.getOrDefault("creates", "20000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "2000"));
        Process started = null;
        String url = options.get("url");
        if (url == null) {
            int port = freePort();
            started = startJar(port);
            url = "http://127.0.0.1:" + port;
        }
        try {
            EmulatorBenchmark bench = new EmulatorBenchmark(url, clients);
            bench.awaitReady();
            bench.send("POST", "/emulator/admin/reset", null, 204);
            System.out.printf("ServiceNow emulator benchmark against %s with %d clients%n", url, clients);
            bench.run("warm-up creates", Math.min(2000, creates), i -> bench.create(-i - 1));
            bench.send("POST", "/emulator/admin/reset", null, 204);
            bench.run("creates", creates, bench::create);
            String since = "2000-01-01 00:00:00";
            bench.run("sync queries (sys_updated_on>X^ORDERBYsys_updated_on, limit 100)", queries,
                    i -> bench.query("sys_updated_on>" + since + "^ORDERBYsys_updated_on", 100));
            bench.run("correlation_id look-ups (limit 1)", queries,
                    i -> bench.query("correlation_id=bench-" + (i * 7919 % Math.max(1, creates)), 1));
        } finally {
            if (started != null) {
                started.destroy();
            }
        }
        System.exit(0);
    }

    private void run(String name, int total, IntFunction<Integer> call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = call.apply(i);
                    latencies.add(System.nanoTime() - t0);
                    if (status >= 300) {
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
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-70s %7d in %6.2f s = %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  failures %d%n", name,
                total, seconds, total / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), failures.get());
    }

    private int create(int i) {
        String body = "{\"short_description\":\"Benchmark ticket " + i + "\",\"description\":\"Created by the"
                + " emulator benchmark\",\"impact\":\"2\",\"urgency\":\"2\",\"correlation_id\":\"bench-" + i
                + "\",\"correlation_display\":\"Ticketbridge\"}";
        return send("POST", "/api/now/table/incident", body, -1);
    }

    private int query(String encodedQuery, int limit) {
        return send("GET", "/api/now/table/incident?sysparm_limit=" + limit + "&sysparm_query="
                + URLEncoder.encode(encodedQuery, StandardCharsets.UTF_8), null, -1);
    }

    private int send(String method, String path, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AUTH).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (expected > 0 && status != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + status);
            }
            return status;
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (send("GET", "/q/health/ready", null, -1) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Emulator at " + base + " not ready");
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static Process startJar(int port) throws IOException {
        Path jar = Path.of("servicenow-emulator/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the emulator first: ./mvnw -pl servicenow-emulator -am install");
        }
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Options come in pairs: " + Arrays.toString(args));
        }
        return options;
    }
}
