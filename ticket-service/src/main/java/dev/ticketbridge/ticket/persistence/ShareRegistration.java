package dev.ticketbridge.ticket.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One accepted share, where it stands, and, once created, the ServiceNow record it became. */
@Entity
@Table(name = "share_registry")
public class ShareRegistration extends PanacheEntityBase {

    /** Where a share stands in this service. */
    public enum Status {
        /** Waiting for the worker (now or at {@code nextAttemptAt}). */
        RECEIVED,
        /** A worker is calling ServiceNow; still in this state after the lease means the outcome is unknown. */
        IN_FLIGHT,
        /** The tenant has no usable connection; waits for a ConnectionChanged CONNECTED. */
        PARKED,
        CREATED,
        FAILED
    }

    @Id
    @Column(name = "share_id")
    public UUID shareId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "ticket_type", nullable = false)
    public String ticketType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The ShareRequested event as received (JSON), from which the record is built. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String request;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** An earlier attempt's outcome is unknown: look the record up by correlation_id before creating. */
    @Column(name = "lookup_first", nullable = false)
    public boolean lookupFirst;

    /** Consecutive failures that count against the attempt bound (5xx, timeouts, unreachable). */
    public int failures;

    @Column(name = "parked_since")
    public Instant parkedSince;

    @Column(name = "hibernating_since")
    public Instant hibernatingSince;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    @Column(name = "sys_id")
    public String sysId;

    public String number;

    @Column(name = "record_url")
    public String recordUrl;

    @Column(name = "state_code")
    public String stateCode;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Calls made to ServiceNow for this share. */
    public int attempts;
}
