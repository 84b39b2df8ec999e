package dev.ticketbridge.ticket.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The registry seen as a work queue. Claims lock rows with {@code SKIP LOCKED}, so several replicas can share the
 * work; a share whose lease ran out while in flight is claimed again with {@code lookupFirst} set; a parked share
 * is claimed again when its recheck is due.
 */
@ApplicationScoped
public class ShareQueue {

    private static final String DUE = "(status = 'RECEIVED' AND next_attempt_at <= :now)"
            + " OR (status = 'IN_FLIGHT' AND lease_until < :now) OR (status = 'PARKED' AND next_attempt_at <= :now)";

    /** Tenants with at least one share due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> tenantsWithDueShares(Instant now) {
        return Panache.getEntityManager()
                .createNativeQuery("SELECT DISTINCT tenant_id FROM share_registry WHERE " + DUE)
                .setParameter("now", now)
                .getResultList();
    }

    /** Marks up to {@code limit} due shares of a tenant IN_FLIGHT until {@code leaseUntil}, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<ShareRegistration> claim(String tenantId, int limit, Instant now, Instant leaseUntil) {
        List<ShareRegistration> claimed = Panache.getEntityManager()
                .createNativeQuery("SELECT * FROM share_registry WHERE tenant_id = :tenant AND (" + DUE + ")"
                        + " ORDER BY received_at LIMIT :limit FOR UPDATE SKIP LOCKED", ShareRegistration.class)
                .setParameter("tenant", tenantId)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        for (ShareRegistration share : claimed) {
            if (share.status == ShareRegistration.Status.IN_FLIGHT) {
                share.lookupFirst = true;
            }
            share.status = ShareRegistration.Status.IN_FLIGHT;
            share.leaseUntil = leaseUntil;
        }
        return claimed;
    }

    /** Puts a tenant's parked shares back in the queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resumeParked(String tenantId, Instant now) {
        return ShareRegistration.update(
                "status = ?1, nextAttemptAt = ?2, parkedSince = null where tenantId = ?3 and status = ?4",
                ShareRegistration.Status.RECEIVED, now, tenantId, ShareRegistration.Status.PARKED);
    }
}
