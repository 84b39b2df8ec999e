package dev.ticketbridge.sync.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.platform.outbox.Outbox;
import dev.ticketbridge.sync.ChangeSource;
import dev.ticketbridge.sync.RemoteTicket;
import dev.ticketbridge.sync.StateLabels;
import dev.ticketbridge.sync.Watermark;
import dev.ticketbridge.sync.persistence.SyncConnection;
import dev.ticketbridge.sync.persistence.SyncCursor;
import dev.ticketbridge.sync.persistence.TrackedTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns records read from ServiceNow into TicketUpdated events, in one transaction with the tracked state and (for
 * polling) the watermark. Tracked rows are locked, and a record is published only when its sys_mod_count is
 * higher than the one last applied and something we track changed: re-reading a record (boundary second,
 * overlapping poll, push and sweep, two replicas during a rebalance) never publishes it twice.
 */
@ApplicationScoped
public class ChangeRecorder {

    private static final TypeReference<Map<String, Map<String, String>>> NAMES = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final ObjectMapper json;
    private final SyncMetrics metrics;

    public ChangeRecorder(Outbox outbox, ObjectMapper json, SyncMetrics metrics) {
        this.outbox = outbox;
        this.json = json;
        this.metrics = metrics;
    }

    /** The committed watermark of a table, if it has been read before. */
    @Transactional
    public Optional<Watermark> watermark(String tenantId, TicketType type) {
        return SyncCursor.of(tenantId, type.table()).map(c -> new Watermark(c.updatedOn, c.lastSysId));
    }

    /** Where a table's first read starts: the oldest tracked change of it, or now; minus a margin for clock skew. */
    @Transactional
    public Watermark initialWatermark(String tenantId, TicketType type, Duration margin) {
        Instant oldest = TrackedTicket.find("select min(t.sysUpdatedOn) from TrackedTicket t"
                        + " where t.tenantId = ?1 and t.tableName = ?2", tenantId, type.table())
                .project(Instant.class).firstResultOptional().orElse(null);
        Instant start = oldest == null ? Instant.now() : oldest;
        return Watermark.startingAt(start.minus(margin));
    }

    /** Applies one page of an incremental read and moves the watermark to {@code readUpTo}; returns events published. */
    @Transactional
    public int recordPage(String tenantId, TicketType type, List<RemoteTicket> records, Watermark readUpTo) {
        SyncCursor cursor = SyncCursor.lock(tenantId, type.table()).orElseGet(() -> newCursor(tenantId, type));
        int published = apply(tenantId, type, records, ChangeSource.POLL);
        Watermark current = new Watermark(cursor.updatedOn, cursor.lastSysId);
        Watermark next = current.max(readUpTo);
        cursor.updatedOn = next.updatedOn();
        cursor.lastSysId = next.sysId();
        return published;
    }

    /** Applies records read by sys_id (push, sweep); the watermark is not touched. */
    @Transactional
    public int recordRecords(String tenantId, TicketType type, List<RemoteTicket> records, ChangeSource source) {
        return apply(tenantId, type, records, source);
    }

    private int apply(String tenantId, TicketType type, List<RemoteTicket> records, ChangeSource source) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<String, TrackedTicket> tracked = TrackedTicket.lockRecords(tenantId, type.table(),
                        records.stream().map(RemoteTicket::sysId).distinct().toList())
                .stream().collect(Collectors.toMap(t -> t.sysId, Function.identity()));
        if (tracked.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, String>> names = stateNames(tenantId);
        int published = 0;
        for (RemoteTicket record : records) {
            TrackedTicket ticket = tracked.get(record.sysId());
            if (ticket != null && record.sysModCount() > ticket.sysModCount && apply(ticket, record, names, source)) {
                published++;
            }
        }
        metrics.changed(tenantId, source, published);
        return published;
    }

    private boolean apply(TrackedTicket ticket, RemoteTicket record, Map<String, Map<String, String>> names,
            ChangeSource source) {
        boolean closed = StateLabels.closed(ticket.tableName, record.stateCode(), record.active());
        boolean changed = !record.stateCode().equals(ticket.stateCode)
                || !Objects.equals(record.assignedTo(), ticket.assignedTo)
                || closed != ticket.closed;
        if (changed) {
            outbox.publish(new TicketUpdated(UUID.randomUUID(), TicketUpdated.VERSION, Instant.now(), ticket.tenantId,
                    ticket.shareId, TicketType.ofTable(ticket.tableName), ticket.sysId, ticket.number,
                    new TicketState(record.stateCode(),
                            StateLabels.label(names, ticket.tableName, record.stateCode(), record.stateLabel())),
                    new TicketState(ticket.stateCode, StateLabels.label(names, ticket.tableName, ticket.stateCode, null)),
                    record.assignedTo(), record.sysModCount(), record.updatedAt(), closed));
            metrics.lag(source, ticket.tableName, record.updatedAt());
        }
        ticket.stateCode = record.stateCode();
        ticket.assignedTo = record.assignedTo();
        ticket.closed = closed;
        ticket.sysModCount = record.sysModCount();
        ticket.sysUpdatedOn = record.updatedAt();
        return changed;
    }

    private Map<String, Map<String, String>> stateNames(String tenantId) {
        SyncConnection connection = SyncConnection.findById(tenantId);
        if (connection == null) {
            return Map.of();
        }
        try {
            return json.readValue(connection.stateNames, NAMES);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static SyncCursor newCursor(String tenantId, TicketType type) {
        SyncCursor cursor = new SyncCursor();
        cursor.tenantId = tenantId;
        cursor.tableName = type.table();
        cursor.updatedOn = "";
        cursor.lastSysId = "";
        cursor.persist();
        return cursor;
    }
}
