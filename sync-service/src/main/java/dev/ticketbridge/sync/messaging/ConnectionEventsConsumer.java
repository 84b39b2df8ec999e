package dev.ticketbridge.sync.messaging;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.sync.service.PollScheduler;
import dev.ticketbridge.sync.service.TrackingIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the compacted {@code ticketing.connection-events} into the connection table and re-plans polling. */
@ApplicationScoped
public class ConnectionEventsConsumer {

    private final TrackingIntake intake;
    private final PollScheduler scheduler;

    public ConnectionEventsConsumer(TrackingIntake intake, PollScheduler scheduler) {
        this.intake = intake;
        this.scheduler = scheduler;
    }

    @Incoming("connection-events")
    @Blocking
    public void consume(TicketbridgeEvent event) {
        if (!(event instanceof ConnectionChanged changed)) {
            throw new IllegalArgumentException("expected ConnectionChanged on ticketing.connection-events, got "
                    + event.getClass().getSimpleName());
        }
        if (intake.connectionChanged(changed)) {
            scheduler.refresh();
        }
    }
}
