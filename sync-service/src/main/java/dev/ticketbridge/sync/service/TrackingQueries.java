package dev.ticketbridge.sync.service;

import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.sync.persistence.SyncConnection;
import dev.ticketbridge.sync.persistence.TrackedTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Read-only questions about what is tracked and connected, each in its own short transaction. */
@ApplicationScoped
public class TrackingQueries {

    @Transactional
    public List<String> openSysIds(String tenantId, String table, String afterSysId, int limit) {
        return TrackedTicket.openSysIds(tenantId, table, afterSysId, limit);
    }

    @Transactional
    public List<String> connectedTenants() {
        return SyncConnection.tenantsWithStatus(ConnectionStatus.CONNECTED.name());
    }

    @Transactional
    public boolean isTracked(String tenantId, String table, String sysId) {
        return TrackedTicket.isTracked(tenantId, table, sysId);
    }

    @Transactional
    public Optional<String> connectionStatus(String tenantId) {
        return SyncConnection.<SyncConnection>findByIdOptional(tenantId).map(c -> c.status);
    }
}
