package dev.ticketbridge.ticket.service;

import dev.ticketbridge.platform.logging.LogContext;
import dev.ticketbridge.ticket.client.ConnectionLimiter;
import dev.ticketbridge.ticket.config.TicketServiceConfig;
import dev.ticketbridge.ticket.persistence.ShareQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Feeds registered shares to the workers, away from the Kafka consumer thread. Each round it visits the tenants that
 * have due shares in random order and claims, per tenant, only as many as that tenant's limiter allows, so a slow or
 * rate-limited tenant holds at most its own permits and never a partition or another tenant's turn. All state is in
 * the database: a restart resumes where it stopped. A worker logs with the share's {@code tenantId} and
 * {@code shareId} in the MDC.
 */
@ApplicationScoped
public class ShareDispatcher {

    private static final Logger LOG = Logger.getLogger(ShareDispatcher.class);

    private final ShareQueue queue;
    private final ShareProcessor processor;
    private final ConnectionLimiter limiter;
    private final ShareMetrics metrics;
    private final WorkSignal signal;
    private final TicketServiceConfig.Worker worker;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService workers;
    private Thread loop;

    public ShareDispatcher(ShareQueue queue, ShareProcessor processor, ConnectionLimiter limiter, ShareMetrics metrics,
            WorkSignal signal, TicketServiceConfig config) {
        this.queue = queue;
        this.processor = processor;
        this.limiter = limiter;
        this.metrics = metrics;
        this.signal = signal;
        this.worker = config.worker();
    }

    void start(@Observes StartupEvent startup) {
        if (!worker.enabled()) {
            return;
        }
        AtomicInteger ids = new AtomicInteger();
        workers = Executors.newFixedThreadPool(worker.threads(), task -> {
            Thread thread = new Thread(task, "share-worker-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "share-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (loop == null) {
            return;
        }
        loop.interrupt();
        workers.shutdown();
        try {
            loop.join(5_000);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                dispatchRound();
                signal.await(worker.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Share dispatch failed, will retry: %s", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void dispatchRound() {
        Instant now = Instant.now();
        List<String> tenants = new ArrayList<>(
                QuarkusTransaction.requiringNew().call(() -> queue.tenantsWithDueShares(now)));
        Collections.shuffle(tenants);
        for (String tenant : tenants) {
            int free = worker.threads() - busy.get();
            if (free <= 0) {
                return;
            }
            dispatchTenant(tenant, free);
        }
    }

    private void dispatchTenant(String tenant, int free) {
        metrics.track(tenant);
        int permits = 0;
        while (permits < free && limiter.tryAcquire(tenant)) {
            permits++;
        }
        if (permits == 0) {
            return;
        }
        int wanted = permits;
        Instant leaseUntil = Instant.now().plus(worker.lease()).truncatedTo(ChronoUnit.MILLIS);
        List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> queue.claim(tenant, wanted, Instant.now(),
                leaseUntil).stream().map(Claim::of).toList());
        for (int unused = claims.size(); unused < permits; unused++) {
            limiter.release(tenant);
        }
        claims.forEach(this::submit);
    }

    private void submit(Claim claim) {
        busy.incrementAndGet();
        workers.execute(() -> {
            try (LogContext log = LogContext.share(claim.tenantId(), claim.shareId())) {
                process(claim);
            }
        });
    }

    private void process(Claim claim) {
        try {
            processor.process(claim);
        } catch (RuntimeException e) {
            LOG.warnf("share %s: attempt failed: %s", claim.shareId(), e.getMessage());
        } finally {
            limiter.release(claim.tenantId());
            busy.decrementAndGet();
            signal.signal();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(worker.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
