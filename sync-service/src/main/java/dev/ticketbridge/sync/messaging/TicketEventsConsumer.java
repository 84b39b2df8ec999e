package dev.ticketbridge.sync.messaging;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.sync.service.TrackingIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ticketing.ticket-events}: each TicketCreated starts tracking a record. The other events of the
 * topic (including our own TicketUpdated) are not for us; unreadable records go to the dead-letter topic.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private final TrackingIntake intake;

    public TicketEventsConsumer(TrackingIntake intake) {
        this.intake = intake;
    }

    @Incoming("ticket-events")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        if (event instanceof TicketCreated created) {
            intake.track(created);
        }
    }
}
