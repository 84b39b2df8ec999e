package dev.ticketbridge.connection.persistence;

import dev.ticketbridge.contracts.events.ConnectionStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A tenant's ServiceNow connection. Secret fields hold ciphertext only (see SecretCipher). */
@Entity
@Table(name = "tenant_connection")
public class TenantConnection extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "instance_url", nullable = false)
    public String instanceUrl;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "client_secret", nullable = false)
    public String encryptedClientSecret;

    @Column(name = "access_token")
    public String encryptedAccessToken;

    @Column(name = "refresh_token")
    public String encryptedRefreshToken;

    @Column(name = "access_expires_at")
    public Instant accessExpiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConnectionStatus status;

    public String detail;

    @Column(name = "authorized_by")
    public String authorizedBy;

    /** JSON: table → code → label, as read from the instance's sys_choice. */
    @Column(name = "instance_labels")
    public String instanceLabels;

    /** JSON: table → code → label, the tenant's renames. */
    @Column(name = "renamed_labels")
    public String renamedLabels;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<TenantConnection> ofTenant(String tenantId) {
        return findByIdOptional(tenantId);
    }

    /** The row locked for update, so one transaction at a time changes a tenant's connection. */
    public static Optional<TenantConnection> lockedOfTenant(String tenantId) {
        return findByIdOptional(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void wipeTokens() {
        encryptedAccessToken = null;
        encryptedRefreshToken = null;
        accessExpiresAt = null;
    }
}
