package dev.ticketbridge.ticket.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest ConnectionChanged seen for a tenant. */
@Entity
@Table(name = "tenant_connection")
public class TenantConnection extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String status;

    /** Per table, state code → label (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "state_names", nullable = false)
    public String stateNames;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
