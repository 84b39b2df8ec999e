package dev.ticketbridge.sync.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The latest known state of a tenant's ServiceNow connection (from the compacted connection-events topic). */
@Entity
@Table(name = "connection")
public class SyncConnection extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String status;

    @Column(name = "instance_url")
    public String instanceUrl;

    /** JSON: table → state code → label. */
    @Column(name = "state_names", nullable = false)
    public String stateNames;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<String> tenantsWithStatus(String status) {
        return find("select c.tenantId from SyncConnection c where c.status = ?1", status).project(String.class).list();
    }
}
