package dev.ticketbridge.contracts.events;

/** Where a tenant's ServiceNow connection stands. */
public enum ConnectionStatus {
    PENDING_AUTHORIZATION, CONNECTED, NEEDS_REAUTHORIZATION, ERROR, REMOVED
}
