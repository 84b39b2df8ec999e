package dev.ticketbridge.contracts.events;

import dev.ticketbridge.contracts.Topics;
import java.util.Arrays;
import java.util.Optional;

/** Each event type with its CloudEvents {@code type}, its Java record and the topic it travels on. */
public enum EventType {
    SHARE_REQUESTED("dev.ticketbridge.share.requested.v1", ShareRequested.class, Topics.SHARE_REQUESTS),
    TICKET_CREATED("dev.ticketbridge.ticket.created.v1", TicketCreated.class, Topics.TICKET_EVENTS),
    TICKET_UPDATED("dev.ticketbridge.ticket.updated.v1", TicketUpdated.class, Topics.TICKET_EVENTS),
    TICKET_CREATION_FAILED("dev.ticketbridge.ticket.creation-failed.v1", TicketCreationFailed.class, Topics.TICKET_EVENTS),
    CONNECTION_CHANGED("dev.ticketbridge.connection.changed.v1", ConnectionChanged.class, Topics.CONNECTION_EVENTS);

    private final String ceType;
    private final Class<? extends TicketbridgeEvent> javaType;
    private final String topic;

    EventType(String ceType, Class<? extends TicketbridgeEvent> javaType, String topic) {
        this.ceType = ceType;
        this.javaType = javaType;
        this.topic = topic;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends TicketbridgeEvent> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    /** The record's simple name, which is also the JSON Schema's file name. */
    public String schemaName() {
        return javaType.getSimpleName();
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(TicketbridgeEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.javaType.isInstance(event))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + event.getClass().getName()));
    }
}
