package dev.ticketbridge.ticket.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import java.time.Instant;
import java.util.UUID;

/** A share a worker has marked IN_FLIGHT, as it stood when claimed; {@code leaseUntil} identifies the claim. */
record Claim(UUID shareId, String tenantId, TicketType ticketType, String request, boolean lookupFirst,
        Instant leaseUntil, int attempts, int failures, Instant hibernatingSince, Instant parkedSince) {

    static Claim of(ShareRegistration share) {
        return new Claim(share.shareId, share.tenantId, TicketType.valueOf(share.ticketType), share.request,
                share.lookupFirst, share.leaseUntil, share.attempts, share.failures, share.hibernatingSince,
                share.parkedSince);
    }

    String table() {
        return ticketType.table();
    }
}
