package dev.ticketbridge.contracts.events;

/** ServiceNow change models; only meaningful for change requests. */
public enum ChangeType {
    NORMAL, STANDARD, EMERGENCY
}
