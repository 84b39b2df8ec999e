package dev.ticketbridge.gateway.persistence;

import dev.ticketbridge.gateway.ShareStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The summary's counters, kept in step with the {@code share} rows: every change of a share moves it from one bucket
 * to another in the same transaction, so reading the summary never scans the shares.
 */
@ApplicationScoped
public class SummaryBuckets {

    /** 'infinity' in PostgreSQL: the bucket of shares without a due date. */
    private static final LocalDate NO_DUE_DATE = LocalDate.MAX;

    /** The bucket one share counts in. */
    public record BucketKey(String tenantId, String ticketType, String status, String stateCode, boolean closed,
            LocalDate dueDate) {

        public static BucketKey of(ShareRecord share) {
            return new BucketKey(share.tenantId, share.ticketType, share.status.name(),
                    Objects.requireNonNullElse(share.stateCode, ""), share.closed, share.dueDate);
        }
    }

    /** The improvement action an open ticket keeps at stake, or null when the share holds none. */
    public record ActionKey(String tenantId, String ticketType, String actionId, double maxScore) {

        public static ActionKey of(ShareRecord share) {
            return share.open() && share.actionId != null
                    ? new ActionKey(share.tenantId, share.ticketType, share.actionId,
                            share.maxScore == null ? 0 : share.maxScore)
                    : null;
        }
    }

    /** One bucket's count as the summary reads it. */
    public record Count(String ticketType, ShareStatus status, String stateCode, String reportedLabel, boolean closed,
            long tickets, long overdue) {
    }

    private final AgroalDataSource dataSource;

    public SummaryBuckets(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves one share from bucket {@code from} (null: new share) to bucket {@code to}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(BucketKey from, BucketKey to) {
        if (Objects.equals(from, to)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (from != null) {
                adjust(connection, from, -1);
            }
            adjust(connection, to, 1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the ticket summary", e);
        }
    }

    /** Moves one open ticket's action from {@code from} to {@code to}; either may be null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAction(ActionKey from, ActionKey to) {
        if (Objects.equals(from, to)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (from != null) {
                adjust(connection, from, -1);
            }
            if (to != null) {
                adjust(connection, to, 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the points at stake", e);
        }
    }

    private static void adjust(Connection connection, BucketKey key, int delta) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ticket_bucket "
                + "(tenant_id, ticket_type, status, state_code, closed, due_date, tickets) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id, ticket_type, status, state_code, closed, due_date) "
                + "DO UPDATE SET tickets = ticket_bucket.tickets + EXCLUDED.tickets")) {
            upsert.setString(1, key.tenantId());
            upsert.setString(2, key.ticketType());
            upsert.setString(3, key.status());
            upsert.setString(4, key.stateCode());
            upsert.setBoolean(5, key.closed());
            upsert.setObject(6, key.dueDate() == null ? NO_DUE_DATE : key.dueDate());
            upsert.setLong(7, delta);
            upsert.executeUpdate();
        }
    }

    private static void adjust(Connection connection, ActionKey key, int delta) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO action_bucket "
                + "(tenant_id, ticket_type, action_id, max_score, open_tickets) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id, ticket_type, action_id) "
                + "DO UPDATE SET open_tickets = action_bucket.open_tickets + EXCLUDED.open_tickets, "
                + "max_score = EXCLUDED.max_score")) {
            upsert.setString(1, key.tenantId());
            upsert.setString(2, key.ticketType());
            upsert.setString(3, key.actionId());
            upsert.setDouble(4, key.maxScore());
            upsert.setLong(5, delta);
            upsert.executeUpdate();
        }
    }

    /** Remembers the label ServiceNow reported for a state code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberLabel(String tenantId, String ticketType, String stateCode, String label) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO reported_state_label "
                     + "(tenant_id, ticket_type, state_code, label) VALUES (?, ?, ?, ?) ON CONFLICT "
                     + "(tenant_id, ticket_type, state_code) DO UPDATE SET label = EXCLUDED.label "
                     + "WHERE reported_state_label.label <> EXCLUDED.label")) {
            upsert.setString(1, tenantId);
            upsert.setString(2, ticketType);
            upsert.setString(3, stateCode);
            upsert.setString(4, label);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remember a state label", e);
        }
    }

    /** The state codes ServiceNow reported with this label (any case) for the tenant. */
    public Set<String> codesReportedAs(String tenantId, String label) {
        Set<String> codes = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state_code FROM reported_state_label "
                     + "WHERE tenant_id = ? AND lower(label) = lower(?)")) {
            select.setString(1, tenantId);
            select.setString(2, label);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read state labels", e);
        }
        return codes;
    }

    /** Every non-empty bucket of a tenant; {@code overdue} counts open tickets due before {@code today}. */
    public List<Count> counts(String tenantId, LocalDate today) {
        String sql = "SELECT b.ticket_type, b.status, b.state_code, min(l.label), b.closed, sum(b.tickets), "
                + "coalesce(sum(b.tickets) FILTER (WHERE b.status = 'CREATED' AND NOT b.closed AND b.due_date < ?), 0) "
                + "FROM ticket_bucket b LEFT JOIN reported_state_label l ON l.tenant_id = b.tenant_id "
                + "AND l.ticket_type = b.ticket_type AND l.state_code = b.state_code "
                + "WHERE b.tenant_id = ? AND b.tickets > 0 GROUP BY b.ticket_type, b.status, b.state_code, b.closed";
        List<Count> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, today);
            select.setString(2, tenantId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new Count(rows.getString(1), ShareStatus.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getBoolean(5), rows.getLong(6), rows.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ticket summary", e);
        }
        return counts;
    }

    /** Per ticket type, the summed max score of the distinct actions that have an open ticket. */
    public Map<String, Double> pointsAtStake(String tenantId) {
        Map<String, Double> points = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT ticket_type, sum(max_score) FROM action_bucket "
                     + "WHERE tenant_id = ? AND open_tickets > 0 GROUP BY ticket_type")) {
            select.setString(1, tenantId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.put(rows.getString(1), rows.getDouble(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the points at stake", e);
        }
        return points;
    }
}
