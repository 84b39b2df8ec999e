package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.contracts.kafka.EventDecodingException;
import dev.ticketbridge.ticket.DeadLetter;
import dev.ticketbridge.ticket.client.DeadLetterTopic;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Share requests that cannot be taken in go to the dead-letter topic with the reason; a replay takes every dead
 * letter through the normal intake again, which registers each share id at most once, so replaying twice, or
 * replaying a share that also arrived normally, never makes a second record.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** What a replay did. */
    public record ReplayReport(int read, int registered, int alreadyKnown, int unreadable) {
    }

    private final DeadLetterTopic topic;
    private final ShareIntake intake;
    private final MeterRegistry meters;

    public DeadLetters(DeadLetterTopic topic, ShareIntake intake, MeterRegistry meters) {
        this.topic = topic;
        this.intake = intake;
        this.meters = meters;
    }

    /** Sends an unreadable or wrong-type record to the dead-letter topic, keeping its bytes and headers. */
    public void deadLetter(DeadLetter original, String reason) {
        Map<String, String> headers = new LinkedHashMap<>(original.headers());
        headers.put(DeadLetter.REASON_HEADER, reason);
        topic.write(new DeadLetter(original.key(), headers, original.value()));
        meters.counter("ticketbridge.shares.dead_lettered").increment();
        LOG.warnf("Dead-lettered a share request (key %s): %s", original.key(), reason);
    }

    /** Takes an incoming record apart: the share request it carries, or the reason it cannot be one. */
    public static ShareRequested read(DeadLetter record) {
        TicketbridgeEvent event = EventCodec.decode(record.headers(), record.value());
        if (event instanceof ShareRequested request) {
            return request;
        }
        throw new EventDecodingException("expected ShareRequested on ticketing.share-requests, got "
                + event.getClass().getSimpleName());
    }

    public ReplayReport replay() {
        int read = 0;
        int registered = 0;
        int known = 0;
        int unreadable = 0;
        for (DeadLetter letter : topic.readAll()) {
            read++;
            try {
                if (intake.accept(read(letter))) {
                    registered++;
                } else {
                    known++;
                }
            } catch (EventDecodingException e) {
                unreadable++;
            } catch (PersistenceException e) {
                known++;
            }
        }
        LOG.infof("Dead-letter replay: %d read, %d registered, %d already known, %d still unreadable", read, registered,
                known, unreadable);
        return new ReplayReport(read, registered, known, unreadable);
    }
}
