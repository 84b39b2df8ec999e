package dev.ticketbridge.ticket.client;

import java.time.Duration;
import java.util.Optional;

/** A Table API call that did not succeed, classified so the caller knows whether and when to try again. */
public class ServiceNowException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** 400, 403 (ACL, data policy, business rule) and other 4xx: trying again cannot help. */
        REJECTED(false),
        /** 429: wait {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** 5xx or the instance could not be reached. */
        UNAVAILABLE(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** A 2xx whose body is not the Table API's JSON, such as the "Instance Hibernating page". */
        HIBERNATING(true),
        /** 401 even with a freshly refreshed token. */
        UNAUTHORIZED(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Integer httpStatus;
    private final boolean outcomeUnknown;
    private final Duration retryAfter;

    public ServiceNowException(Kind kind, Integer httpStatus, String message, boolean outcomeUnknown, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.outcomeUnknown = outcomeUnknown;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status ServiceNow answered with; empty for timeouts and network failures. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** True when the request may have reached ServiceNow and created the record (timeouts, 5xx). */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** How long to wait before the next attempt; empty for permanent failures. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
