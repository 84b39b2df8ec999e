package dev.ticketbridge.gateway.service;

import dev.ticketbridge.gateway.Caller;
import dev.ticketbridge.gateway.persistence.AuditEntry;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Records who did what in a tenant, and reads it back for the tenant's administrators. */
@ApplicationScoped
public class AuditTrail {

    /** What the audit trail records. */
    public enum Action {
        SHARE_REQUESTED, CONNECTION_SET_UP, CONNECTION_AUTHORIZATION_STARTED, CONNECTION_AUTHORIZED, CONNECTION_CHECKED,
        STATE_NAMES_CHANGED, CONNECTION_REMOVED
    }

    /** One entry as the API shows it. */
    public record Entry(long id, String actor, Action action, String target, String detail, Instant occurredAt) {
    }

    /** A page of entries, newest first; {@code nextBefore} is the id to pass for the next page. */
    public record EntryPage(List<Entry> items, Long nextBefore) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(Caller caller, Action action, String target, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.tenantId = caller.tenantId();
        entry.actor = caller.userId();
        entry.action = action.name();
        entry.target = target;
        entry.detail = detail;
        entry.occurredAt = Instant.now();
        entry.persist();
    }

    public EntryPage list(Caller caller, Long before, int size) {
        String query = before == null ? "tenantId = :tenant" : "tenantId = :tenant and id < :before";
        Parameters params = Parameters.with("tenant", caller.tenantId());
        if (before != null) {
            params = params.and("before", before);
        }
        List<Entry> entries = AuditEntry.<AuditEntry>find(query, Sort.descending("id"), params).page(0, size + 1)
                .list().stream()
                .map(e -> new Entry(e.id, e.actor, Action.valueOf(e.action), e.target, e.detail, e.occurredAt))
                .toList();
        boolean more = entries.size() > size;
        List<Entry> page = more ? entries.subList(0, size) : entries;
        return new EntryPage(page, more ? page.get(page.size() - 1).id() : null);
    }
}
