package dev.ticketbridge.sync.client;

import java.time.Instant;

/** A tenant's ServiceNow access token and the instance it is valid for. Never logged. */
public record AccessToken(String tenantId, String instanceUrl, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[tenantId=" + tenantId + ", instanceUrl=" + instanceUrl + ", expiresAt=" + expiresAt + "]";
    }
}
