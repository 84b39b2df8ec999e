package dev.ticketbridge.gateway;

import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: loads 100,000 tickets for one tenant straight into the read model (shares and the summary
 * buckets exactly as the consumers keep them) and measures the ticket list and the summary under concurrent load with
 * a Java load generator in the same JVM. Runs only with {@code -Dticketbridge.benchmark=true}; see the README.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "ticketbridge.benchmark", matches = "true")
class ReadModelBenchmark {

    private static final String TENANT = "tenant-bench";
    private static final int TICKETS = Integer.getInteger("ticketbridge.benchmark.tickets", 100_000);
    private static final int THREADS = Integer.getInteger("ticketbridge.benchmark.threads", 8);
    private static final int REQUESTS = Integer.getInteger("ticketbridge.benchmark.requests", 4_000);
    private static final int WARM_UP = 1_000;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/")
    URL api;

    @Test
    void listAndSummaryAtOneHundredThousandTickets() throws Exception {
        long loadStart = System.nanoTime();
        load();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        String token = Tokens.signed(Tokens.claims(TENANT, "bench-reader", Tokens.READER_ROLE).expiresIn(3600));
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("list (first page, 50)", "tickets?size=50");
        scenarios.put("list (incidents in state 2, 50)", "tickets?type=incident&state=2&size=50");
        scenarios.put("list (overdue, 50)", "tickets?overdue=true&size=50");
        scenarios.put("summary", "tickets/summary");
        StringBuilder report = new StringBuilder(String.format("%,d tickets loaded in %,d ms; %d threads, %,d requests "
                + "per scenario after %,d warm-up requests%n", TICKETS, loadMillis, THREADS, REQUESTS, WARM_UP));
        report.append(String.format("%-34s %8s %8s %8s %10s%n", "scenario", "p50 ms", "p99 ms", "max ms", "req/s"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
                URI uri = api.toURI().resolve(scenario.getValue());
                run(client, pool, uri, token, WARM_UP);
                long start = System.nanoTime();
                long[] latencies = run(client, pool, uri, token, REQUESTS);
                double seconds = (System.nanoTime() - start) / 1e9;
                report.append(String.format("%-34s %8.1f %8.1f %8.1f %10.0f%n", scenario.getKey(),
                        percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6,
                        REQUESTS / seconds));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-read-model.txt"), report);
    }

    private static long[] run(HttpClient client, ExecutorService pool, URI uri, String token, int requests)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int share = requests / THREADS;
            workers.add(pool.submit(() -> timed(client, request, share)));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] part = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        Arrays.sort(all);
        return all;
    }

    private static long[] timed(HttpClient client, HttpRequest request, int count) throws IOException,
            InterruptedException {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
        }
        return latencies;
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Shares of one tenant as the consumers would have stored them, then the buckets they would have kept. */
    private void load() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM share WHERE tenant_id = '" + TENANT + "'");
            sql.execute("DELETE FROM ticket_bucket WHERE tenant_id = '" + TENANT + "'");
            sql.execute("DELETE FROM action_bucket WHERE tenant_id = '" + TENANT + "'");
            sql.execute("INSERT INTO connection_view (tenant_id, status, instance_url, state_names, occurred_at) VALUES ('"
                    + TENANT + "', 'CONNECTED', 'https://bench.service-now.com', '{\"incident\":{\"1\":\"New\","
                    + "\"2\":\"In Progress\",\"3\":\"On Hold\",\"6\":\"Resolved\",\"7\":\"Closed\"},\"change_request\":"
                    + "{\"-5\":\"New\",\"-4\":\"Assess\",\"-1\":\"Implement\",\"0\":\"Review\",\"3\":\"Closed\"}}', now()) "
                    + "ON CONFLICT (tenant_id) DO NOTHING");
            sql.execute("""
                    INSERT INTO share (share_id, tenant_id, ticket_type, status, requested_by, requested_at, action_id,
                        action_title, category, recommendation_source, max_score, task_name, description, priority,
                        due_date, sys_id, number, record_url, state_code, state_label, closed, sys_mod_count, updated_at)
                    SELECT gen_random_uuid(), '%s', t.type,
                        CASE WHEN i %% 20 = 0 THEN 'PENDING' WHEN i %% 20 = 1 THEN 'FAILED' ELSE 'CREATED' END,
                        'admin-of-bench', now() - (i || ' minutes')::interval, 'action_' || (i %% 200),
                        'Benchmark action ' || (i %% 200), 'Identity', 'MICROSOFT', (i %% 10) + 1,
                        'Benchmark ticket ' || i, 'Load for the read-model benchmark', 'MODERATE',
                        current_date + ((i %% 120) - 60), 'sys-' || i,
                        CASE WHEN i %% 20 > 1 THEN t.prefix || lpad(i::text, 7, '0') END,
                        CASE WHEN i %% 20 > 1 THEN 'https://bench.service-now.com/' || lower(t.type) || '.do' END,
                        CASE WHEN i %% 20 > 1 THEN t.codes[1 + (i / 20) %% 5] END,
                        CASE WHEN i %% 20 > 1 THEN t.labels[1 + (i / 20) %% 5] END,
                        i %% 20 > 1 AND (i / 20) %% 5 = 4, 1, now()
                    FROM generate_series(1, %d) AS i
                    CROSS JOIN LATERAL (SELECT CASE WHEN i %% 2 = 0 THEN 'INCIDENT' ELSE 'CHANGE_REQUEST' END AS type,
                        CASE WHEN i %% 2 = 0 THEN 'INC' ELSE 'CHG' END AS prefix,
                        CASE WHEN i %% 2 = 0 THEN ARRAY['1','2','3','6','7'] ELSE ARRAY['-5','-4','-1','0','3'] END AS codes,
                        CASE WHEN i %% 2 = 0 THEN ARRAY['New','In Progress','On Hold','Resolved','Closed']
                             ELSE ARRAY['New','Assess','Implement','Review','Closed'] END AS labels) AS t
                    """.formatted(TENANT, TICKETS));
            sql.execute("""
                    INSERT INTO ticket_bucket (tenant_id, ticket_type, status, state_code, closed, due_date, tickets)
                    SELECT tenant_id, ticket_type, status, coalesce(state_code, ''), closed,
                        coalesce(due_date, 'infinity'::date), count(*)
                    FROM share WHERE tenant_id = '%s' GROUP BY 1, 2, 3, 4, 5, 6
                    """.formatted(TENANT));
            sql.execute("""
                    INSERT INTO action_bucket (tenant_id, ticket_type, action_id, max_score, open_tickets)
                    SELECT tenant_id, ticket_type, action_id, max(max_score), count(*)
                    FROM share WHERE tenant_id = '%s' AND status = 'CREATED' AND NOT closed GROUP BY 1, 2, 3
                    """.formatted(TENANT));
            sql.execute("ANALYZE share");
            sql.execute("ANALYZE ticket_bucket");
        }
    }
}
