package dev.ticketbridge.gateway.service;

import dev.ticketbridge.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** The opaque keyset position of the ticket list: the last row's request time and share id. */
record TicketCursor(Instant requestedAt, UUID shareId) {

    /** Request times run from the epoch to the end of year 9999; a cursor outside that was not made by this API. */
    private static final long LATEST_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, requestedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + shareId).getBytes(StandardCharsets.UTF_8));
    }

    static TicketCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            if (micros < 0 || micros > LATEST_MICROS) {
                throw new IllegalArgumentException("no share was requested then");
            }
            return new TicketCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API gave out");
        }
    }
}
