package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.store.RecordStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Seeds the emulator at start-up and puts it back into that state on reset. */
@ApplicationScoped
public class EmulatorLifecycle {

    private final RecordStore store;
    private final UserDirectory users;
    private final TokenService tokens;
    private final AuthorizationService authorizations;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final ConcurrencyGate concurrency;
    private final Settings settings;
    private final RequestLog requestLog;
    private final DemoSeed seed;

    public EmulatorLifecycle(RecordStore store, UserDirectory users, TokenService tokens,
                             AuthorizationService authorizations, Faults faults, RateLimiter rateLimiter,
                             ConcurrencyGate concurrency, Settings settings, RequestLog requestLog, DemoSeed seed) {
        this.store = store;
        this.users = users;
        this.tokens = tokens;
        this.authorizations = authorizations;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.concurrency = concurrency;
        this.settings = settings;
        this.requestLog = requestLog;
        this.seed = seed;
    }

    void onStart(@Observes StartupEvent event) {
        seed.seed();
    }

    /** Clears records (then re-seeds), faults, rate limits, settings and the request log; tokens unless kept. */
    public synchronized void reset(boolean keepTokens) {
        faults.reset();
        rateLimiter.reset();
        concurrency.reset();
        settings.reset();
        authorizations.clear();
        if (!keepTokens) {
            tokens.clear();
        }
        store.clear();
        users.clear();
        seed.seed();
        requestLog.clear();
    }
}
