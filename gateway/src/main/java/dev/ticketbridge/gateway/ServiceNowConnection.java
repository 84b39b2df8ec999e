package dev.ticketbridge.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A tenant's ServiceNow connection as the portal may see it: never a secret, only whether each one is stored.
 * {@code authorizeUrl} is set only in the answer that started an authorization.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceNowConnection(String status, String instanceUrl, String clientId, boolean clientSecretStored,
        boolean accessTokenStored, boolean refreshTokenStored, Instant accessTokenExpiresAt, String authorizedBy,
        String detail, Instant updatedAt, String authorizeUrl) {

    /** The status of a tenant that has no connection. */
    public static final String NOT_CONNECTED = "NOT_CONNECTED";

    public static ServiceNowConnection notConnected() {
        return new ServiceNowConnection(NOT_CONNECTED, null, null, false, false, false, null, null, null, null, null);
    }
}
