package dev.ticketbridge.connection;

import dev.ticketbridge.contracts.events.ConnectionStatus;
import java.time.Instant;

/**
 * What anyone may see of a connection: never a secret, only whether each is stored and when the access token
 * expires. {@code authorizeUrl} is set only in the answer that started an authorization.
 */
public record ConnectionView(String tenantId, ConnectionStatus status, String instanceUrl, String clientId,
                             boolean clientSecretStored, boolean accessTokenStored, boolean refreshTokenStored,
                             Instant accessTokenExpiresAt, String authorizedBy, String detail, Instant updatedAt,
                             String authorizeUrl) {

    public ConnectionView withAuthorizeUrl(String url) {
        return new ConnectionView(tenantId, status, instanceUrl, clientId, clientSecretStored, accessTokenStored,
                refreshTokenStored, accessTokenExpiresAt, authorizedBy, detail, updatedAt, url);
    }
}
