package dev.ticketbridge.connection.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An authorization started by a user of a tenant and not yet completed; deleted when used. */
@Entity
@Table(name = "pending_authorization")
public class PendingAuthorization extends PanacheEntityBase {

    @Id
    public String state;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "code_verifier", nullable = false)
    public String encryptedCodeVerifier;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<PendingAuthorization> lockedByState(String state) {
        return findByIdOptional(state, LockModeType.PESSIMISTIC_WRITE);
    }

    public static long forgetTenant(String tenantId) {
        return delete("tenantId", tenantId);
    }
}
