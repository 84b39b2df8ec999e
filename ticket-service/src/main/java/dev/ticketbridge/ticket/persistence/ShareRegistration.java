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

/** One accepted share and, once created, the ServiceNow record it became. */
@Entity
@Table(name = "share_registry")
public class ShareRegistration extends PanacheEntityBase {

    /** Where a share stands in this service. */
    public enum Status {
        RECEIVED, CREATED, FAILED
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

    @Column(name = "sys_id")
    public String sysId;

    public String number;

    public int attempts;
}
