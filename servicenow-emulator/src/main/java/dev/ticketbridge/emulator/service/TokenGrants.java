package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.OAuthException;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The grants of /oauth_token.do. Error choices: unknown client or wrong secret → 401 invalid_client; wrong user
 * password → 401 server_error/access_denied (as observed from real instances); bad code, refresh token, redirect or
 * PKCE verifier → 400 invalid_grant; unknown or disabled grant → 400 unsupported_grant_type.
 */
@ApplicationScoped
public class TokenGrants {

    private final AuthorizationService authorizations;
    private final TokenService tokens;
    private final UserDirectory users;
    private final Settings settings;
    private final String applicationUser;

    public TokenGrants(AuthorizationService authorizations, TokenService tokens, UserDirectory users,
                       Settings settings, EmulatorConfig config) {
        this.authorizations = authorizations;
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.applicationUser = config.oauth().applicationUser();
    }

    /** Handles a token request whose client credentials were already taken from the body or Basic header. */
    public TokenService.Issued grant(Map<String, String> form, String clientId, String clientSecret) {
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthException.invalidRequest("Missing grant_type");
        }
        if (!authorizations.clientAuthenticates(clientId, clientSecret)) {
            throw OAuthException.invalidClient();
        }
        return switch (grantType) {
            case "authorization_code" -> tokens.issue(clientId, authorizations.redeem(form.get("code"),
                    form.get("redirect_uri"), form.get("code_verifier")));
            case "refresh_token" -> tokens.refresh(clientId, required(form, "refresh_token"));
            case "password" -> password(clientId, form);
            case "client_credentials" -> clientCredentials(clientId);
            default -> throw new OAuthException(400, "unsupported_grant_type", "Unsupported grant type " + grantType);
        };
    }

    private TokenService.Issued password(String clientId, Map<String, String> form) {
        String user = form.get("username");
        if (!users.authenticate(user, form.get("password"))) {
            throw new OAuthException(401, "server_error", "access_denied");
        }
        return tokens.issue(clientId, user);
    }

    private TokenService.Issued clientCredentials(String clientId) {
        if (!settings.get().clientCredentialsEnabled()) {
            throw new OAuthException(400, "unsupported_grant_type", "client_credentials grant is not enabled");
        }
        return tokens.issue(clientId, applicationUser);
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthException.invalidRequest("Missing " + name);
        }
        return value;
    }
}
