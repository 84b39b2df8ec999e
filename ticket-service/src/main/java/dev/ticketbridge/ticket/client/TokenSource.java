package dev.ticketbridge.ticket.client;

/**
 * Where access tokens come from: connection-service's internal token API in production.
 * Both methods throw {@link ConnectionUnavailableException} when the tenant has no usable connection and
 * {@link TokenSourceException} when the token API itself cannot be reached.
 */
public interface TokenSource {

    /** A valid token for the tenant (the source refreshes it first if it is about to expire). */
    AccessToken current(String tenantId);

    /** A fresh token after ServiceNow rejected {@code rejectedAccessToken} with 401. */
    AccessToken refresh(String tenantId, String rejectedAccessToken);
}
