package dev.ticketbridge.sync.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.platform.outbox.Inbox;
import dev.ticketbridge.sync.StateLabels;
import dev.ticketbridge.sync.persistence.SyncConnection;
import dev.ticketbridge.sync.persistence.TrackedTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Learns what to track (TicketCreated) and which instances to poll (ConnectionChanged), once per event id. */
@ApplicationScoped
public class TrackingIntake {

    static final String TICKETS = "sync-service.ticket-events";
    static final String CONNECTIONS = "sync-service.connection-events";

    private final Inbox inbox;
    private final ObjectMapper json;

    public TrackingIntake(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** Starts tracking a created record; returns false for a redelivery or an already tracked share. */
    @Transactional
    public boolean track(TicketCreated created) {
        if (!inbox.firstDelivery(TICKETS, created.eventId()) || TrackedTicket.findById(created.shareId()) != null) {
            return false;
        }
        TrackedTicket ticket = new TrackedTicket();
        ticket.shareId = created.shareId();
        ticket.tenantId = created.tenantId();
        ticket.tableName = created.table();
        ticket.sysId = created.sysId();
        ticket.number = created.number();
        ticket.stateCode = created.state().code();
        ticket.sysModCount = created.sysModCount();
        ticket.sysUpdatedOn = created.sysUpdatedOn();
        ticket.closed = StateLabels.closed(created.table(), created.state().code(), null);
        ticket.trackedAt = Instant.now();
        ticket.persist();
        return true;
    }

    /** Records a tenant's connection as it now stands; an event older than the one applied is ignored. */
    @Transactional
    public boolean connectionChanged(ConnectionChanged changed) {
        if (!inbox.firstDelivery(CONNECTIONS, changed.eventId())) {
            return false;
        }
        SyncConnection connection = SyncConnection.findById(changed.tenantId());
        if (connection == null) {
            connection = new SyncConnection();
            connection.tenantId = changed.tenantId();
        } else if (changed.occurredAt().isBefore(connection.changedAt)) {
            return false;
        }
        connection.status = changed.status().name();
        connection.instanceUrl = changed.instanceUrl();
        connection.stateNames = toJson(changed);
        connection.changedAt = changed.occurredAt();
        connection.persist();
        return true;
    }

    private String toJson(ConnectionChanged changed) {
        try {
            return json.writeValueAsString(changed.stateNames());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state names of " + changed.tenantId() + " are not serialisable", e);
        }
    }
}
