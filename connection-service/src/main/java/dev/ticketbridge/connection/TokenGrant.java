package dev.ticketbridge.connection;

import java.time.Instant;

/** Tokens from a ServiceNow token endpoint. {@code refreshToken} is null when the endpoint sent none. */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + "]";
    }
}
