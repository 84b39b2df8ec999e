package dev.ticketbridge.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Tunables of the sync-service. */
@ConfigMapping(prefix = "ticketbridge.sync")
public interface SyncConfig {

    Poll poll();

    Reconcile reconcile();

    Push push();

    ServiceNow servicenow();

    Assignment assignment();

    /** Incremental polling of each connected instance. */
    interface Poll {

        /** Time between two polling cycles of one connection (before jitter). */
        @WithDefault("15s")
        Duration interval();

        /** Per-tenant intervals overriding {@link #interval()}; never below {@link #minInterval()}. */
        Map<String, Duration> tenantIntervals();

        /** Floor for any configured interval, so that no tenant can hammer its instance. */
        @WithDefault("5s")
        Duration minInterval();

        /** Random spread applied to each interval, as a fraction of it (0.1 = ±10 %). */
        @WithDefault("0.1")
        double jitter();

        /** Records asked for per Table API call ({@code sysparm_limit}). */
        @WithDefault("100")
        int pageSize();

        /** Most Table API calls one table may take in one cycle; the rest waits for the next cycle. */
        @WithDefault("50")
        int maxPagesPerCycle();

        /** Connections polled at the same time (size of the worker pool). */
        @WithDefault("8")
        int concurrency();

        /** Wait after a failed cycle, doubled per consecutive failure up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration errorBackoff();

        /** Longest wait after failures, and the longest Retry-After honoured. */
        @WithDefault("10m")
        Duration maxBackoff();

        /** How often the set of connections this replica polls is re-read from the database. */
        @WithDefault("5s")
        Duration refreshInterval();
    }

    /** The sweep that re-reads open tracked tickets to correct anything the watermark missed. */
    interface Reconcile {

        /** Time between two sweeps of one connection. */
        @WithDefault("15m")
        Duration interval();

        /** sys_ids per {@code sys_idIN} query. */
        @WithDefault("100")
        int batchSize();
    }

    /** Change notifications pushed by a ServiceNow business rule. */
    interface Push {

        /**
         * Master key from which each tenant's HMAC secret is derived (HMAC-SHA256 of the tenant id); required in
         * production, from a Kubernetes Secret.
         */
        Optional<String> signingKey();

        /** Explicit per-tenant secrets, overriding the derived ones. */
        Map<String, String> tenantSecrets();

        /** Oldest notification timestamp accepted, against replays. */
        @WithDefault("5m")
        Duration maxAge();
    }

    /** Calls to ServiceNow's Table API. */
    interface ServiceNow {

        /** TCP connect timeout. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout (ServiceNow itself cancels Table API transactions after 60 s). */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    /** Splitting connections between replicas through Kafka's consumer-group assignment. */
    interface Assignment {

        /** Consumer group whose partition assignment of the connection-events topic decides who polls whom. */
        @WithDefault("sync-service-pollers")
        String groupId();

        /** The compacted topic whose partitions are split (keyed by tenant). */
        @WithDefault("ticketing.connection-events")
        String topic();

        /** Off: this replica polls every connection (a single replica, or tools). */
        @WithDefault("true")
        boolean enabled();
    }
}
