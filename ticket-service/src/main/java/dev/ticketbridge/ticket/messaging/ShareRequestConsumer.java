package dev.ticketbridge.ticket.messaging;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.kafka.CloudEventHeaders;
import dev.ticketbridge.contracts.kafka.EventDecodingException;
import dev.ticketbridge.ticket.DeadLetter;
import dev.ticketbridge.ticket.service.DeadLetters;
import dev.ticketbridge.ticket.service.ShareIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ticketing.share-requests} in batches and only registers the shares (ServiceNow is called by the
 * dispatcher, never on this thread). A record that is not a readable ShareRequested goes to the dead-letter topic with
 * header {@code dlq-reason}; any other failure falls back to the channel's dead-letter strategy (see configuration).
 */
@ApplicationScoped
public class ShareRequestConsumer {

    private final ShareIntake intake;
    private final DeadLetters deadLetters;

    public ShareRequestConsumer(ShareIntake intake, DeadLetters deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    /** Takes a whole poll at once: the batch is registered in one transaction, committed with its offsets. */
    @Incoming("share-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ShareRequested> requests = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            DeadLetter letter = new DeadLetter(record.key(), CloudEventHeaders.read(record.headers()), record.value());
            try {
                requests.add(DeadLetters.read(letter));
            } catch (EventDecodingException e) {
                deadLetters.deadLetter(letter, e.getMessage());
            }
        }
        intake.acceptAll(requests);
    }
}
