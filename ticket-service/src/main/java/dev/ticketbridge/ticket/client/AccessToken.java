package dev.ticketbridge.ticket.client;

import java.time.Instant;

/** A tenant's ServiceNow access token and the instance it is valid for. Never logged: see {@link #toString()}. */
public record AccessToken(String tenantId, String instanceUrl, String accessToken, Instant expiresAt) {

    public AccessToken {
        instanceUrl = instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl;
    }

    /** Whether the token is still good for at least {@code marginSeconds} at {@code now}. */
    public boolean usableAt(Instant now, long marginSeconds) {
        return expiresAt.minusSeconds(marginSeconds).isAfter(now);
    }

    @Override
    public String toString() {
        return "AccessToken[tenantId=" + tenantId + ", instanceUrl=" + instanceUrl + ", expiresAt=" + expiresAt + "]";
    }
}
