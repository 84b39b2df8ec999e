package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.ConnectionView;
import dev.ticketbridge.connection.persistence.TenantConnection;

/** Turns a stored connection into what may be shown. */
final class Views {

    private Views() {
    }

    static ConnectionView of(TenantConnection c) {
        return new ConnectionView(c.tenantId, c.status, c.instanceUrl, c.clientId, c.encryptedClientSecret != null,
                c.encryptedAccessToken != null, c.encryptedRefreshToken != null, c.accessExpiresAt, c.authorizedBy,
                c.detail, c.updatedAt, null);
    }
}
