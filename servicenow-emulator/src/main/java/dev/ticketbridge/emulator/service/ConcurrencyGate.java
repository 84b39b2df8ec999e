package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/** ServiceNow's API_INT semaphore pool: a cap on concurrent API requests, beyond which requests get a bare 429. */
@ApplicationScoped
public class ConcurrencyGate {

    private record Cap(int max, Semaphore permits) {
    }

    private final int configured;
    private final AtomicReference<Cap> cap = new AtomicReference<>();

    public ConcurrencyGate(EmulatorConfig config) {
        this.configured = config.maxConcurrentRequests();
        setMax(configured);
    }

    /** Sets the cap; 0 means unlimited. Requests already admitted keep their permit. */
    public final void setMax(int max) {
        cap.set(max > 0 ? new Cap(max, new Semaphore(max)) : null);
    }

    public int max() {
        Cap current = cap.get();
        return current == null ? 0 : current.max();
    }

    /** A permit to release when the request ends, or empty when the cap is reached. Unlimited gives a no-op. */
    public Optional<Runnable> tryEnter() {
        Cap current = cap.get();
        if (current == null) {
            return Optional.of(() -> { });
        }
        return current.permits().tryAcquire() ? Optional.of(current.permits()::release) : Optional.empty();
    }

    public void reset() {
        setMax(configured);
    }
}
