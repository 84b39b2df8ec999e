package dev.ticketbridge.ticket.support;

import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What tests look at: the events ticket-service published, the registry, and the records in the emulator. */
public final class Tickets {

    private Tickets() {
    }

    public static ServiceNowEmulator emulator() {
        return ServiceNowEmulator.shared();
    }

    public static TicketCreated awaitCreated(UUID shareId) {
        return KafkaTestClient.awaitEvent(Topics.TICKET_EVENTS, TicketCreated.class, e -> e.shareId().equals(shareId));
    }

    public static TicketCreationFailed awaitFailed(UUID shareId) {
        return KafkaTestClient.awaitEvent(Topics.TICKET_EVENTS, TicketCreationFailed.class,
                e -> e.shareId().equals(shareId));
    }

    /** Every record in the emulator carrying this share id as correlation_id. */
    public static List<Map<String, Object>> records(ShareRequested share) {
        return emulator().records(share.ticketType().table(), "correlation_id=" + share.shareId());
    }

    public static ShareRegistration registration(UUID shareId) {
        return QuarkusTransaction.requiringNew().call(() -> ShareRegistration.<ShareRegistration>findById(shareId));
    }

    /** Waits until the share's registry row satisfies the condition. */
    public static ShareRegistration awaitRegistration(UUID shareId, Predicate<ShareRegistration> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> registration(shareId), row -> row != null && condition.test(row));
    }
}
