package dev.ticketbridge.sync.client;

/** Where ServiceNow access tokens come from (connection-service's internal token API). */
public interface TokenSource {

    /** A valid token for the tenant's connection. */
    AccessToken token(String tenantId) throws TokenUnavailableException;

    /** A fresh token after ServiceNow refused {@code rejected} with 401. */
    AccessToken refresh(String tenantId, AccessToken rejected) throws TokenUnavailableException;
}
