package dev.ticketbridge.ticket.client;

import dev.ticketbridge.ticket.config.TicketServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, bounded by the configured maximum. */
@ApplicationScoped
public class Backoff {

    private final TicketServiceConfig.Retry retry;

    public Backoff(TicketServiceConfig config) {
        this.retry = config.retry();
    }

    /** The wait after the {@code failures}-th consecutive failure (1-based): half fixed, half random ("equal jitter"). */
    public Duration after(int failures) {
        long initial = retry.initialBackoff().toMillis();
        long ceiling = retry.maxBackoff().toMillis();
        long exponential = initial << Math.min(Math.max(failures - 1, 0), 20);
        long capped = Math.min(ceiling, Math.max(exponential, 1));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    /** A server-provided wait, capped so a bogus header cannot park a share for days. */
    public Duration capped(Duration requested) {
        return requested.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : requested;
    }
}
