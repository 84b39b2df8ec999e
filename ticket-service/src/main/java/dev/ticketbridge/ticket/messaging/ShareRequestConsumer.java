package dev.ticketbridge.ticket.messaging;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.ticket.service.ShareIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code ticketing.share-requests}; unreadable records go to the dead-letter topic (see configuration). */
@ApplicationScoped
public class ShareRequestConsumer {

    private final ShareIntake intake;

    public ShareRequestConsumer(ShareIntake intake) {
        this.intake = intake;
    }

    @Incoming("share-requests")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        if (!(event instanceof ShareRequested request)) {
            throw new IllegalArgumentException("expected ShareRequested on ticketing.share-requests, got "
                    + event.getClass().getSimpleName());
        }
        intake.accept(request);
    }
}
