package dev.ticketbridge.contracts.events;

/** A ServiceNow state: the code ServiceNow stores and the label the tenant sees. */
public record TicketState(String code, String label) {

    public TicketState {
        Required.text(code, "state.code");
        Required.field(label, "state.label");
    }
}
