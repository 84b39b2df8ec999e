package dev.ticketbridge.contracts;

/** The Kafka topics of the Ticketbridge event contract (see {@code asyncapi.yaml}). */
public final class Topics {

    /** {@code ShareRequested}, keyed by tenant id. */
    public static final String SHARE_REQUESTS = "ticketing.share-requests";
    /** Share requests that could not be read or processed, keyed by tenant id; replayable. */
    public static final String SHARE_REQUESTS_DLQ = "ticketing.share-requests.dlq";
    /** {@code TicketCreated}, {@code TicketUpdated}, {@code TicketCreationFailed}, keyed by share id. */
    public static final String TICKET_EVENTS = "ticketing.ticket-events";
    /** {@code ConnectionChanged}, keyed by tenant id, compacted. */
    public static final String CONNECTION_EVENTS = "ticketing.connection-events";

    private Topics() {
    }
}
