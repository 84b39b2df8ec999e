package dev.ticketbridge.platform.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether another service answers its liveness endpoint, for a health check: one HTTP GET with a short timeout, the
 * answer reused for a few seconds so frequent probes (Kubernetes, load balancers) do not turn into a load on the
 * other service. UP on a 2xx answer; DOWN on anything else, with the reason in the response data.
 */
public final class DependencyProbe {

    /** How long one GET may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    /** How long an answer is reused. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(5);

    private final String name;
    private final URI url;
    private final Duration timeout;
    private final Duration cache;
    private final Clock clock;
    private final HttpClient http;
    private HealthCheckResponse last;
    private Instant lastAt = Instant.MIN;

    public DependencyProbe(String name, URI url, Duration timeout, Duration cache, Clock clock) {
        this.name = name;
        this.url = url;
        this.timeout = timeout;
        this.cache = cache;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A probe of {@code baseUrl + "/q/health/live"} with the default timeout and cache. */
    public static DependencyProbe liveness(String name, String baseUrl) {
        return new DependencyProbe(name, URI.create(baseUrl.replaceAll("/+$", "") + "/q/health/live"), DEFAULT_TIMEOUT,
                DEFAULT_CACHE, Clock.systemUTC());
    }

    /** The latest answer, asking again once the cached one is older than the cache time. */
    public synchronized HealthCheckResponse check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(cache))) {
            last = ask();
            lastAt = now;
        }
        return last;
    }

    private HealthCheckResponse ask() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return response(status / 100 == 2, "answered " + status);
        } catch (IOException e) {
            return response(false, "not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response(false, "interrupted");
        }
    }

    private HealthCheckResponse response(boolean up, String detail) {
        return HealthCheckResponse.named(name).status(up).withData("url", url.toString()).withData("detail", detail)
                .build();
    }
}
