package dev.ticketbridge.gateway.messaging;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.gateway.service.ConnectionReadModel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code ticketing.connection-events}: connection status and the tenant's state names. */
@ApplicationScoped
public class ConnectionEventConsumer {

    private final ConnectionReadModel readModel;

    public ConnectionEventConsumer(ConnectionReadModel readModel) {
        this.readModel = readModel;
    }

    @Incoming("connection-events")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        if (!(event instanceof ConnectionChanged changed)) {
            throw new IllegalArgumentException("expected ConnectionChanged on ticketing.connection-events, got "
                    + event.getClass().getSimpleName());
        }
        readModel.apply(changed);
    }
}
