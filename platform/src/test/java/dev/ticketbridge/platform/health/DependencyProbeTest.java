package dev.ticketbridge.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependencyProbeTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/live", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answerIsReusedForTheCacheTimeThenAskedAgain() {
        DependencyProbe probe = probe("http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(probe.check().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        status.set(503);
        clock.advance(Duration.ofSeconds(4));
        assertThat(probe.check().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(calls.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        HealthCheckResponse down = probe.check();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("detail", "answered 503");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void closedPortIsDownWithTheReason() {
        HealthCheckResponse down = probe("http://127.0.0.1:1").check();

        assertThat(down.getName()).isEqualTo("other-service reachable");
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("url", "http://127.0.0.1:1/q/health/live")
                .hasEntrySatisfying("detail", detail -> assertThat(detail.toString()).startsWith("not reachable"));
    }

    private DependencyProbe probe(String baseUrl) {
        return new DependencyProbe("other-service reachable", URI.create(baseUrl + "/q/health/live"),
                Duration.ofSeconds(1), Duration.ofSeconds(5), clock);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
