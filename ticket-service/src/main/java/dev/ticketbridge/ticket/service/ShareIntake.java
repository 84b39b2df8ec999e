package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.platform.outbox.Inbox;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Accepts share requests into the registry, once per share id however often Kafka delivers them. */
@ApplicationScoped
public class ShareIntake {

    static final String CONSUMER = "ticket-service.share-requests";

    private final Inbox inbox;

    public ShareIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Returns true when the share is new to this service. */
    @Transactional
    public boolean accept(ShareRequested request) {
        if (!inbox.firstDelivery(CONSUMER, request.eventId())
                || ShareRegistration.findById(request.shareId()) != null) {
            return false;
        }
        ShareRegistration registration = new ShareRegistration();
        registration.shareId = request.shareId();
        registration.tenantId = request.tenantId();
        registration.ticketType = request.ticketType().name();
        registration.status = ShareRegistration.Status.RECEIVED;
        registration.requestedBy = request.requestedBy();
        registration.receivedAt = Instant.now();
        registration.persist();
        return true;
    }
}
