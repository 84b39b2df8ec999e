package dev.ticketbridge.sync.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A ServiceNow record created for a share, and the state last published for it. */
@Entity
@Table(name = "tracked_ticket")
public class TrackedTicket extends PanacheEntityBase {

    @Id
    @Column(name = "share_id")
    public UUID shareId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "table_name", nullable = false)
    public String tableName;

    @Column(name = "sys_id", nullable = false)
    public String sysId;

    @Column(nullable = false)
    public String number;

    @Column(name = "state_code", nullable = false)
    public String stateCode;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "sys_mod_count", nullable = false)
    public long sysModCount;

    @Column(name = "sys_updated_on", nullable = false)
    public Instant sysUpdatedOn;

    @Column(nullable = false)
    public boolean closed;

    @Column(name = "tracked_at", nullable = false)
    public Instant trackedAt;

    /** The tracked records among {@code sysIds}, locked so that poll, push and sweep never publish the same change twice. */
    public static List<TrackedTicket> lockRecords(String tenantId, String table, Collection<String> sysIds) {
        return find("tenantId = ?1 and tableName = ?2 and sysId in ?3 order by sysId", tenantId, table, sysIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public static boolean isTracked(String tenantId, String table, String sysId) {
        return count("tenantId = ?1 and tableName = ?2 and sysId = ?3", tenantId, table, sysId) > 0;
    }

    /** One page of sys_ids of open records, in sys_id order after {@code afterSysId}. */
    public static List<String> openSysIds(String tenantId, String table, String afterSysId, int limit) {
        return find("select t.sysId from TrackedTicket t where t.tenantId = ?1 and t.tableName = ?2 and t.closed = false"
                + " and t.sysId > ?3 order by t.sysId", tenantId, table, afterSysId)
                .project(String.class)
                .page(0, limit)
                .list();
    }
}
