package dev.ticketbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's ServiceNow connection as its latest {@code ConnectionChanged} described it. */
@Entity
@Table(name = "connection_view")
public class ConnectionView extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String status;

    @Column(name = "instance_url")
    public String instanceUrl;

    /** Per table, state code → the label this tenant uses. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "state_names", nullable = false)
    public Map<String, Map<String, String>> stateNames;

    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
