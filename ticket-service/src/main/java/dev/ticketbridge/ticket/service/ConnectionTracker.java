package dev.ticketbridge.ticket.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.platform.outbox.Inbox;
import dev.ticketbridge.ticket.client.TokenCache;
import dev.ticketbridge.ticket.persistence.ShareQueue;
import dev.ticketbridge.ticket.persistence.TenantConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Keeps each tenant's latest connection status and state labels; a reconnected tenant's parked shares resume. */
@ApplicationScoped
public class ConnectionTracker {

    static final String CONSUMER = "ticket-service.connection-events";

    private final Inbox inbox;
    private final ShareQueue queue;
    private final TokenCache tokens;
    private final WorkSignal signal;

    public ConnectionTracker(Inbox inbox, ShareQueue queue, TokenCache tokens, WorkSignal signal) {
        this.inbox = inbox;
        this.queue = queue;
        this.tokens = tokens;
        this.signal = signal;
    }

    /** Applies a ConnectionChanged unless it is a redelivery or older than what is already known. */
    @Transactional
    public void apply(ConnectionChanged change) {
        if (!inbox.firstDelivery(CONSUMER, change.eventId())) {
            return;
        }
        TenantConnection connection = TenantConnection.findById(change.tenantId());
        if (connection != null && connection.changedAt.isAfter(change.occurredAt())) {
            return;
        }
        if (connection == null) {
            connection = new TenantConnection();
            connection.tenantId = change.tenantId();
        }
        connection.status = change.status().name();
        connection.stateNames = json(change);
        connection.changedAt = change.occurredAt();
        connection.persist();
        tokens.forget(change.tenantId());
        if (change.status() == ConnectionStatus.CONNECTED && queue.resumeParked(change.tenantId(), Instant.now()) > 0) {
            signal.signalAfterCommit();
        }
    }

    private static String json(ConnectionChanged change) {
        try {
            return EventCodec.mapper().writeValueAsString(change.stateNames());
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
