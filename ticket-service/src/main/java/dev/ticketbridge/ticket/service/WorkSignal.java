package dev.ticketbridge.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the dispatcher when there is new work (a share registered, a connection back, a call finished). */
@ApplicationScoped
public class WorkSignal {

    private final Semaphore permits = new Semaphore(0);
    private final TransactionSynchronizationRegistry transactions;

    public WorkSignal(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Signals once the current transaction has committed, so the dispatcher sees the new work. */
    public void signalAfterCommit() {
        if (transactions.getResource(WorkSignal.class) != null) {
            return;
        }
        transactions.putResource(WorkSignal.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: the dispatcher only needs to know once the work is visible.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal();
                }
            }
        });
    }

    /** Waits until signalled or the timeout passes. */
    void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
