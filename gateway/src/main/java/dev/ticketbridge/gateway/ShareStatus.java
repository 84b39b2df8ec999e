package dev.ticketbridge.gateway;

/** Where a share stands: sent and waiting for ServiceNow, a record exists, or ServiceNow refused it for good. */
public enum ShareStatus {
    PENDING, CREATED, FAILED
}
