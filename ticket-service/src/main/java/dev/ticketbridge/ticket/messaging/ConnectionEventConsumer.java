package dev.ticketbridge.ticket.messaging;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.ticket.service.ConnectionTracker;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code ticketing.connection-events}: connection status and state labels per tenant. */
@ApplicationScoped
public class ConnectionEventConsumer {

    private final ConnectionTracker tracker;

    public ConnectionEventConsumer(ConnectionTracker tracker) {
        this.tracker = tracker;
    }

    @Incoming("connection-events")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        if (event instanceof ConnectionChanged change) {
            tracker.apply(change);
        }
    }
}
