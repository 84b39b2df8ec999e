package dev.ticketbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/** How the gateway reads its users' tokens (Microsoft Entra ID names by default). */
@ConfigMapping(prefix = "ticketbridge.identity")
public interface IdentityConfig {

    /** The OpenID Connect provider's base URL, where its discovery document lives. */
    @WithName("auth-server-url")
    String authServerUrl();

    /** The expected {@code iss} of tokens ({@code any} for a multi-tenant Entra ID application). */
    String issuer();

    /** The expected {@code aud} of tokens: this application's client id or application id URI. */
    String audience();

    /** The claim naming the user's organisation (tenant). */
    @WithName("tenant-claim")
    @WithDefault("tid")
    String tenantClaim();

    /** Claims naming the user, tried in order. */
    @WithName("user-claims")
    @WithDefault("oid,sub")
    List<String> userClaims();

    /** The claim holding the user's application roles. */
    @WithName("roles-claim")
    @WithDefault("roles")
    String rolesClaim();

    /** Role claim values that make a security administrator. */
    @WithName("admin-roles")
    @WithDefault("Ticketbridge.Admin")
    List<String> adminRoles();

    /** Role claim values that make a security reader. */
    @WithName("reader-roles")
    @WithDefault("Ticketbridge.Reader")
    List<String> readerRoles();
}
