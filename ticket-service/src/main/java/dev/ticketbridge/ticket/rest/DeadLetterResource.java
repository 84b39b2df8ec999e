package dev.ticketbridge.ticket.rest;

import dev.ticketbridge.platform.problem.ProblemException;
import dev.ticketbridge.ticket.config.TicketServiceConfig;
import dev.ticketbridge.ticket.service.DeadLetters;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Operator endpoint: replays {@code ticketing.share-requests.dlq} without creating duplicates. */
@Path("/admin/dead-letters")
public class DeadLetterResource {

    static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    private final DeadLetters deadLetters;
    private final TicketServiceConfig config;

    public DeadLetterResource(DeadLetters deadLetters, TicketServiceConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /** Takes every dead letter through intake again; shares already registered are counted, not repeated. */
    @POST
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetters.ReplayReport replay(@HeaderParam(ADMIN_KEY_HEADER) String key) {
        String expected = config.admin().key().orElse(null);
        if (expected == null || key == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "Forbidden", "A valid " + ADMIN_KEY_HEADER + " header is required");
        }
        return deadLetters.replay();
    }
}
