package dev.ticketbridge.gateway.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Remembers which share each tenant's {@code Idempotency-Key} made. */
@ApplicationScoped
public class IdempotencyKeys {

    /** The share a key already stands for, and the fingerprint of the request that made it. */
    public record Claimed(UUID shareId, String fingerprint) {
    }

    private final AgroalDataSource dataSource;

    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims {@code key} for {@code shareId}. Returns empty when the claim succeeded, or the earlier claim when the
     * key was already used (a concurrent first attempt is waited for by the unique index).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claimed> claim(String tenantId, String key, UUID shareId, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO share_idempotency "
                    + "(tenant_id, idempotency_key, share_id, fingerprint) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, tenantId);
                insert.setString(2, key);
                insert.setObject(3, shareId);
                insert.setString(4, fingerprint);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT share_id, fingerprint FROM share_idempotency WHERE tenant_id = ? AND idempotency_key = ?")) {
                select.setString(1, tenantId);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return Optional.of(new Claimed(row.getObject(1, UUID.class), row.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim an idempotency key", e);
        }
    }
}
