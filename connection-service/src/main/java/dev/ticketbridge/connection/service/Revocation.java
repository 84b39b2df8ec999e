package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.client.InstanceResponse;
import dev.ticketbridge.connection.client.ServiceNowInstance;
import dev.ticketbridge.connection.persistence.TenantConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Revokes a connection's access and refresh tokens at its instance ({@code /oauth_revoke_token.do}). */
@ApplicationScoped
public class Revocation {

    private static final Logger LOG = Logger.getLogger(Revocation.class);

    /** Decrypted tokens of a connection, only ever held in memory for the revocation calls. */
    public record Tokens(String tenantId, InstanceUrl instance, List<String> tokens) {

        @Override
        public String toString() {
            return "Tokens[tenant=" + tenantId + ", count=" + tokens.size() + "]";
        }
    }

    /** What the instance said: every token revoked, or why not. */
    public record Outcome(boolean revoked, int tokens, String detail) {
    }

    private final ServiceNowInstance instance;
    private final SecretCipher cipher;
    private final InstanceUrlPolicy urls;

    public Revocation(ServiceNowInstance instance, SecretCipher cipher, InstanceUrlPolicy urls) {
        this.instance = instance;
        this.cipher = cipher;
        this.urls = urls;
    }

    Tokens tokensOf(TenantConnection connection) {
        List<String> tokens = new ArrayList<>();
        if (connection.encryptedAccessToken != null) {
            tokens.add(cipher.decrypt(connection.encryptedAccessToken, connection.tenantId, "access_token"));
        }
        if (connection.encryptedRefreshToken != null) {
            tokens.add(cipher.decrypt(connection.encryptedRefreshToken, connection.tenantId, "refresh_token"));
        }
        return new Tokens(connection.tenantId, new InstanceUrl(connection.instanceUrl), tokens);
    }

    Outcome revoke(Tokens tokens) {
        if (tokens == null || tokens.tokens().isEmpty()) {
            return new Outcome(true, 0, "Connection removed; it held no tokens");
        }
        int revoked = 0;
        String failure = null;
        for (String token : tokens.tokens()) {
            try {
                urls.checkBeforeCall(tokens.instance());
                InstanceResponse response = instance.revoke(tokens.instance(), token);
                if (response.status() / 100 == 2 && !response.isHtml()) {
                    revoked++;
                } else {
                    failure = "the instance answered HTTP " + response.status();
                }
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            LOG.warnf("Token revocation for tenant %s incomplete: %s", tokens.tenantId(), failure);
            return new Outcome(false, tokens.tokens().size(), "Connection removed; revoking its tokens at ServiceNow "
                    + "failed (" + failure + "): revoke them under System OAuth > Manage Tokens");
        }
        return new Outcome(true, revoked, "Connection removed; its tokens were revoked at ServiceNow");
    }

    void revokeQuietly(Tokens tokens) {
        if (tokens != null) {
            revoke(tokens);
        }
    }
}
