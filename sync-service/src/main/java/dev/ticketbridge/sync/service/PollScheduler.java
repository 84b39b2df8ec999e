package dev.ticketbridge.sync.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.platform.logging.LogContext;
import dev.ticketbridge.sync.ChangeSource;
import dev.ticketbridge.sync.IncrementalQuery;
import dev.ticketbridge.sync.client.RateLimitedException;
import dev.ticketbridge.sync.client.ServiceNowCallException;
import dev.ticketbridge.sync.client.TablePage;
import dev.ticketbridge.sync.client.TokenUnavailableException;
import dev.ticketbridge.sync.config.SyncConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Polls each connection this replica owns on its own schedule: a cycle, then the next one after the connection's
 * interval (with a floor, jittered), or after the instance's Retry-After, or after a growing back-off on errors.
 * Cycles run on a bounded pool and a connection never has two cycles at once, so a slow, failing or rate-limited
 * instance holds at most one worker and never delays the others' timers. Connections that stop being CONNECTED
 * or move to another replica stop being polled; their watermark stays in the database for whoever resumes them.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final IncrementalPoller poller;
    private final Reconciler reconciler;
    private final ServiceNowReader reader;
    private final ChangeRecorder recorder;
    private final TrackingQueries queries;
    private final PartitionOwnership ownership;
    private final HealthBook health;
    private final SyncMetrics metrics;
    private final SyncConfig config;
    private final Map<String, Polling> active = new ConcurrentHashMap<>();
    private final Set<String> pendingFetches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;

    public PollScheduler(IncrementalPoller poller, Reconciler reconciler, ServiceNowReader reader,
            ChangeRecorder recorder, TrackingQueries queries, PartitionOwnership ownership, HealthBook health,
            SyncMetrics metrics, SyncConfig config) {
        this.poller = poller;
        this.reconciler = reconciler;
        this.reader = reader;
        this.recorder = recorder;
        this.queries = queries;
        this.ownership = ownership;
        this.health = health;
        this.metrics = metrics;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(named("sync-timer"));
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.poll().concurrency()), named("sync-poller"));
    }

    /** One connection being polled. */
    private static final class Polling {
        final String tenantId;
        final Instant startedAt = Instant.now();
        volatile boolean stopped;
        volatile int failures;
        volatile Instant lastSweep;

        Polling(String tenantId) {
            this.tenantId = tenantId;
        }
    }

    void start(@Observes StartupEvent startup) {
        long refreshMs = config.poll().refreshInterval().toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        active.values().forEach(p -> p.stopped = true);
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Starts polling connected tenants this replica owns and stops the others. */
    public synchronized void refresh() {
        Set<String> wanted = new HashSet<>();
        for (String tenantId : queries.connectedTenants()) {
            if (ownership.owns(tenantId)) {
                wanted.add(tenantId);
            }
        }
        for (String tenantId : wanted) {
            active.computeIfAbsent(tenantId, this::begin);
        }
        for (String tenantId : List.copyOf(active.keySet())) {
            if (!wanted.contains(tenantId)) {
                Polling polling = active.remove(tenantId);
                polling.stopped = true;
                reader.forget(tenantId);
                health.stopped(tenantId);
                LOG.infof("Stopped polling tenant %s (disconnected or moved to another replica)", tenantId);
            }
        }
    }

    /** Tenants this replica polls now. */
    public Set<String> polledTenants() {
        return Set.copyOf(active.keySet());
    }

    /**
     * Fetches one record at once (a pushed notification); a fetch already queued for the record absorbs this one.
     * Returns whether a fetch was queued.
     */
    public boolean fetchNow(String tenantId, TicketType type, String sysId) {
        String key = tenantId + '|' + type.table() + '|' + sysId;
        if (!pendingFetches.add(key)) {
            return false;
        }
        workers.execute(() -> {
            try (LogContext log = LogContext.tenant(tenantId)) {
                fetch(tenantId, type, sysId);
            } finally {
                pendingFetches.remove(key);
            }
        });
        return true;
    }

    private void fetch(String tenantId, TicketType type, String sysId) {
        try {
            TablePage page = reader.query(tenantId, type.table(), IncrementalQuery.records(List.of(sysId)), 1);
            recorder.recordRecords(tenantId, type, page.records(), ChangeSource.PUSH);
        } catch (ServiceNowCallException | TokenUnavailableException | RuntimeException e) {
            LOG.infof("Pushed change of %s %s for tenant %s not fetched (polling will catch it): %s",
                    type.table(), sysId, tenantId, e.getMessage());
        }
    }

    private Polling begin(String tenantId) {
        Polling polling = new Polling(tenantId);
        LOG.infof("Polling tenant %s", tenantId);
        schedule(polling, jittered(Duration.ofMillis(200)));
        return polling;
    }

    private void schedule(Polling polling, Duration delay) {
        if (polling.stopped || timer.isShutdown()) {
            return;
        }
        timer.schedule(() -> workers.execute(() -> runInContext(polling)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One cycle, every line it logs carrying the tenant ({@code tenantId} in the MDC). */
    private void runInContext(Polling polling) {
        try (LogContext log = LogContext.tenant(polling.tenantId)) {
            run(polling);
        }
    }

    private void run(Polling polling) {
        if (polling.stopped) {
            return;
        }
        Duration delay;
        try {
            IncrementalPoller.CycleResult result = poller.cycle(polling.tenantId);
            metrics.cycle(polling.tenantId, result.apiCalls());
            sweepIfDue(polling);
            polling.failures = 0;
            delay = jittered(interval(polling.tenantId));
            health.succeeded(polling.tenantId, result.apiCalls(), Instant.now().plus(delay));
            LOG.debugf("Polling cycle done: %d Table API call(s), next in %d ms", result.apiCalls(), delay.toMillis());
        } catch (RateLimitedException e) {
            delay = untilOrBackoff(e.retryAt(), polling);
            recordFailure(polling, "rate limited by ServiceNow: " + e.getMessage(), delay);
        } catch (ServiceNowCallException | TokenUnavailableException e) {
            delay = backoff(polling);
            recordFailure(polling, e.getMessage(), delay);
        } catch (RuntimeException e) {
            delay = backoff(polling);
            LOG.warnf(e, "Polling cycle of tenant %s failed", polling.tenantId);
            recordFailure(polling, "internal error: " + e.getClass().getSimpleName(), delay);
        }
        schedule(polling, delay);
    }

    private void sweepIfDue(Polling polling) throws ServiceNowCallException, TokenUnavailableException {
        Instant last = polling.lastSweep != null ? polling.lastSweep : polling.startedAt;
        if (Instant.now().isBefore(last.plus(config.reconcile().interval()))) {
            return;
        }
        Reconciler.SweepResult sweep = reconciler.sweep(polling.tenantId);
        polling.lastSweep = Instant.now();
        health.reconciled(polling.tenantId, sweep.corrected());
    }

    private void recordFailure(Polling polling, String error, Duration delay) {
        try {
            health.failed(polling.tenantId, error, Instant.now().plus(delay));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record sync health of tenant %s: %s", polling.tenantId, e.getMessage());
        }
    }

    /** The connection's interval: its own or the default, never below the floor. */
    Duration interval(String tenantId) {
        Duration wanted = config.poll().tenantIntervals().getOrDefault(tenantId, config.poll().interval());
        Duration floor = config.poll().minInterval();
        return wanted.compareTo(floor) < 0 ? floor : wanted;
    }

    private Duration jittered(Duration base) {
        double spread = config.poll().jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * (1 + spread))));
    }

    private Duration untilOrBackoff(Instant retryAt, Polling polling) {
        if (retryAt == null) {
            return backoff(polling);
        }
        Duration wait = Duration.between(Instant.now(), retryAt);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private Duration backoff(Polling polling) {
        int failures = Math.min(polling.failures++, 16);
        Duration wait = config.poll().errorBackoff().multipliedBy(1L << failures);
        Duration max = config.poll().maxBackoff();
        return jittered(wait.compareTo(max) > 0 ? max : wait);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the set of polled connections: %s", e.getMessage());
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
