package dev.ticketbridge.e2e.bench;

import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import java.time.Duration;

/**
 * The Contoso administrator's use of the gateway API over a whole benchmark run, which outlasts one access token:
 * a new token is fetched well before the current one could expire.
 */
final class AdminSession {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private Gateway gateway;
    private long obtainedAt;

    synchronized Gateway api() {
        if (gateway == null || System.nanoTime() - obtainedAt > RENEW_AFTER.toNanos()) {
            gateway = Gateway.as(Identity.ADMIN);
            obtainedAt = System.nanoTime();
        }
        return gateway;
    }
}
