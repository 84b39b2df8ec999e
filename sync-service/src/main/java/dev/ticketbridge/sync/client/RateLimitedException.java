package dev.ticketbridge.sync.client;

import java.time.Instant;

/** ServiceNow answered 429; {@link #retryAt()} is when it said to come back (null when it did not say). */
public class RateLimitedException extends ServiceNowCallException {

    private final transient Instant retryAt;

    public RateLimitedException(String message, Instant retryAt) {
        super(429, message);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
