package dev.ticketbridge.gateway;

/**
 * The authenticated user behind a request: the tenant every query and command is scoped by, the user id recorded in
 * shares and the audit trail, and whether the user may change anything.
 */
public record Caller(String tenantId, String userId, boolean administrator) {
}
