package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.StateLabels;
import dev.ticketbridge.connection.persistence.TenantConnection;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes a connection's state as {@code ConnectionChanged} in the transaction that changed it. No secrets. */
@ApplicationScoped
public class ConnectionEvents {

    private final Outbox outbox;

    public ConnectionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(TenantConnection connection) {
        outbox.publish(new ConnectionChanged(UUID.randomUUID(), ConnectionChanged.VERSION, Instant.now(),
                connection.tenantId, connection.status, connection.instanceUrl, effectiveLabels(connection),
                connection.detail));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(String tenantId, String instanceUrl, String detail) {
        outbox.publish(new ConnectionChanged(UUID.randomUUID(), ConnectionChanged.VERSION, Instant.now(), tenantId,
                ConnectionStatus.REMOVED, instanceUrl, Map.of(), detail));
    }

    static Map<String, Map<String, String>> defaultLabels(TenantConnection connection) {
        return StateLabels.defaults(LabelsJson.read(connection.instanceLabels));
    }

    static Map<String, Map<String, String>> effectiveLabels(TenantConnection connection) {
        return StateLabels.effective(defaultLabels(connection), LabelsJson.read(connection.renamedLabels));
    }
}
