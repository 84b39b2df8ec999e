package dev.ticketbridge.sync.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Optional;

/** How far one table of one tenant has been read: the last (sys_updated_on, sys_id) committed. */
@Entity
@Table(name = "sync_cursor")
@IdClass(SyncCursor.Key.class)
public class SyncCursor extends PanacheEntityBase {

    /** Primary key. */
    public record Key(String tenantId, String tableName) implements Serializable {

        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "table_name")
    public String tableName;

    /** ServiceNow's own {@code YYYY-MM-DD HH:MM:SS} (UTC), kept as text so queries repeat it exactly. */
    @Column(name = "updated_on", nullable = false)
    public String updatedOn;

    @Column(name = "last_sys_id", nullable = false)
    public String lastSysId;

    public static Optional<SyncCursor> of(String tenantId, String table) {
        return findByIdOptional(new Key(tenantId, table));
    }

    public static Optional<SyncCursor> lock(String tenantId, String table) {
        return findByIdOptional(new Key(tenantId, table), LockModeType.PESSIMISTIC_WRITE);
    }
}
