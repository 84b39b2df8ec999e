package dev.ticketbridge.sync.service;

import dev.ticketbridge.sync.persistence.SyncHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Writes and reads each connection's sync health (last success, last error, next poll). */
@ApplicationScoped
public class HealthBook {

    private static final int MAX_ERROR_LENGTH = 500;

    @Transactional
    public void succeeded(String tenantId, int apiCalls, Instant nextPoll) {
        SyncHealth health = SyncHealth.findOrNew(tenantId);
        health.lastSuccessAt = Instant.now();
        health.lastCycleCalls = apiCalls;
        health.nextPollAt = nextPoll;
    }

    @Transactional
    public void failed(String tenantId, String error, Instant nextPoll) {
        SyncHealth health = SyncHealth.findOrNew(tenantId);
        health.lastErrorAt = Instant.now();
        health.lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        health.nextPollAt = nextPoll;
    }

    @Transactional
    public void reconciled(String tenantId, int corrected) {
        SyncHealth health = SyncHealth.findOrNew(tenantId);
        health.lastReconciledAt = Instant.now();
        health.lastCorrected = corrected;
    }

    @Transactional
    public void stopped(String tenantId) {
        SyncHealth health = SyncHealth.findById(tenantId);
        if (health != null) {
            health.nextPollAt = null;
        }
    }

    @Transactional
    public Optional<SyncHealth> of(String tenantId) {
        return SyncHealth.findByIdOptional(tenantId);
    }
}
