package dev.ticketbridge.gateway.messaging;

import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.gateway.service.TicketReadModel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code ticketing.ticket-events} into the read model; unreadable records go to the gateway's dead-letter topic. */
@ApplicationScoped
public class TicketEventConsumer {

    private final TicketReadModel readModel;

    public TicketEventConsumer(TicketReadModel readModel) {
        this.readModel = readModel;
    }

    @Incoming("ticket-events")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        readModel.apply(event);
    }
}
