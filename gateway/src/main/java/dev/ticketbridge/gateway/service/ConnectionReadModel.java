package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.gateway.persistence.ConnectionView;
import dev.ticketbridge.platform.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Keeps each tenant's connection status and state names from {@code ConnectionChanged}. */
@ApplicationScoped
public class ConnectionReadModel {

    static final String CONSUMER = "gateway.connection-events";

    /** The connection as the home page shows it. */
    public record ConnectionState(String status, String instanceUrl, String detail, Instant since) {

        static final ConnectionState NOT_CONNECTED = new ConnectionState("NOT_CONNECTED", null, null, null);
    }

    private final Inbox inbox;

    public ConnectionReadModel(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Applies an event once; an event older than the one already applied changes nothing. */
    @Transactional
    public void apply(ConnectionChanged event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ConnectionView view = ConnectionView.findById(event.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        if (view == null) {
            view = new ConnectionView();
            view.tenantId = event.tenantId();
        } else if (view.occurredAt.isAfter(event.occurredAt())) {
            return;
        }
        view.status = event.status().name();
        view.instanceUrl = event.instanceUrl();
        view.stateNames = event.stateNames();
        view.detail = event.detail();
        view.occurredAt = event.occurredAt();
        view.persist();
    }

    public ConnectionState state(String tenantId) {
        return view(tenantId).map(v -> new ConnectionState(v.status, v.instanceUrl, v.detail, v.occurredAt))
                .orElse(ConnectionState.NOT_CONNECTED);
    }

    StateLabels labels(String tenantId) {
        return view(tenantId).map(v -> new StateLabels(v.stateNames)).orElse(StateLabels.NONE);
    }

    private static Optional<ConnectionView> view(String tenantId) {
        return ConnectionView.findByIdOptional(tenantId);
    }
}
