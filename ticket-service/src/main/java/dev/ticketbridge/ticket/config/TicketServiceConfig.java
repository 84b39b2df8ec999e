package dev.ticketbridge.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Tunables of ticket-service, under {@code ticketbridge.ticket}. */
@ConfigMapping(prefix = "ticketbridge.ticket")
public interface TicketServiceConfig {

    ServiceNow servicenow();

    Worker worker();

    Retry retry();

    Tokens tokens();

    Connection connection();

    Admin admin();

    Metrics metrics();

    /** Calls to the ServiceNow Table API. */
    interface ServiceNow {

        /** Longest wait for a TCP connection to the instance. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for an answer; past it the outcome of a create is unknown and the next attempt looks up first. */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    /** The worker that turns registered shares into records. */
    interface Worker {

        /** Threads calling ServiceNow, shared by all connections. */
        @WithDefault("16")
        int threads();

        /** Most calls in flight to one connection (tenant) at a time; the limiter may lower it after 429s. */
        @WithDefault("4")
        int perConnectionConcurrency();

        /** How often the worker looks for due shares when nothing woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long a claimed share belongs to this worker; a share still in flight after it has an unknown outcome. */
        @WithDefault("2m")
        Duration lease();

        /** Whether the worker runs at all (off for tools that only read). */
        @WithDefault("true")
        boolean enabled();
    }

    /** Retries of 5xx, timeouts, rate limits and hibernation. */
    interface Retry {

        /** Attempts per share before it fails with SERVICENOW_UNAVAILABLE. */
        @WithDefault("10")
        int maxAttempts();

        /** First backoff; doubles each attempt, with full jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest single backoff, also the cap on a Retry-After we honour. */
        @WithDefault("5m")
        Duration maxBackoff();

        /**
         * Least wait after a call that got no answer (timeout, broken connection) before looking the record up: the
         * instance may still be inserting it. ServiceNow cancels REST transactions after 60 s.
         */
        @WithDefault("60s")
        Duration unknownOutcomeDelay();

        /** How long a hibernating instance is retried before the share fails. */
        @WithDefault("30m")
        Duration hibernationWindow();
    }

    /** Access tokens from connection-service. */
    interface Tokens {

        /** A cached token is refetched this long before it expires. */
        @WithDefault("60s")
        Duration refreshMargin();

        /** How long "connection unavailable" is remembered per tenant before the token API is asked again. */
        @WithDefault("30s")
        Duration unavailableRecheck();
    }

    /** Tenants without a usable connection. */
    interface Connection {

        /** How long shares wait for a connection to become CONNECTED before they fail with CONNECTION_UNAVAILABLE. */
        @WithDefault("24h")
        Duration maxWait();

        /** How often parked shares are tried again even without a ConnectionChanged event. */
        @WithDefault("5m")
        Duration parkedRecheck();
    }

    /** The admin endpoints. */
    interface Admin {

        /** Key expected in the X-Admin-Key header; when absent the admin endpoints answer 403. */
        Optional<String> key();
    }

    /** Meters that need reading from elsewhere. */
    interface Metrics {

        /** How long the dead-letter topic's size (read from its offsets) is reused before it is read again. */
        @WithDefault("30s")
        Duration dlqSizeRefresh();
    }
}
