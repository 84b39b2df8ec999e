package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.platform.outbox.Inbox;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Accepts share requests into the registry, once per share id however often Kafka delivers them. Nothing else
 * happens on the consumer thread: the dispatcher picks the share up from the database.
 */
@ApplicationScoped
public class ShareIntake {

    static final String CONSUMER = "ticket-service.share-requests";

    private final Inbox inbox;
    private final ShareMetrics metrics;
    private final WorkSignal signal;

    public ShareIntake(Inbox inbox, ShareMetrics metrics, WorkSignal signal) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.signal = signal;
    }

    /** Registers shares in one transaction; returns how many were new here. */
    @Transactional
    public int acceptAll(List<ShareRequested> requests) {
        int registered = 0;
        for (ShareRequested request : requests) {
            registered += accept(request) ? 1 : 0;
        }
        return registered;
    }

    /** Registers the share (the dispatcher is woken after commit); returns true when the share is new here. */
    @Transactional
    public boolean accept(ShareRequested request) {
        metrics.consumed();
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
        registration.nextAttemptAt = registration.receivedAt;
        registration.request = new String(EventCodec.toJson(request), StandardCharsets.UTF_8);
        registration.persist();
        signal.signalAfterCommit();
        return true;
    }
}
