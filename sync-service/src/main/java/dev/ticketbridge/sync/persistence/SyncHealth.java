package dev.ticketbridge.sync.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How polling of one connection is going, for the gateway's sync-health card. */
@Entity
@Table(name = "sync_health")
public class SyncHealth extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "last_cycle_calls")
    public int lastCycleCalls;

    @Column(name = "last_reconciled_at")
    public Instant lastReconciledAt;

    @Column(name = "last_corrected")
    public int lastCorrected;

    public static SyncHealth findOrNew(String tenantId) {
        SyncHealth health = findById(tenantId);
        if (health == null) {
            health = new SyncHealth();
            health.tenantId = tenantId;
            health.persist();
        }
        return health;
    }
}
