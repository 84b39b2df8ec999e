package dev.ticketbridge.emulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Start-up settings of the emulator; most behaviour switches can also be changed at run time (admin settings API). */
@ConfigMapping(prefix = "emulator")
public interface EmulatorConfig {

    /** Base URL used in Location headers and reference links; defaults to the URL the request came in on. */
    Optional<String> instanceUrl();

    /** Unknown fields in sysparm_query make the query return no rows (glide.invalid_query.returns_no_rows). */
    @WithDefault("false")
    boolean strictQuery();

    /** Resolving or closing an incident without close_code and close_notes is refused with a data-policy 403. */
    @WithDefault("true")
    boolean requireResolutionFields();

    /** Illegal change_request state transitions are refused with a data-policy 403. */
    @WithDefault("true")
    boolean enforceChangeTransitions();

    /** Length of a rate-limit window; ServiceNow counts per hour. */
    @WithDefault("PT1H")
    Duration rateLimitWindow();

    /** Concurrent /api/now requests allowed before answering 429 without rate-limit headers; 0 = unlimited. */
    @WithDefault("0")
    int maxConcurrentRequests();

    /** User name the agent UI and admin state changes act as. */
    @WithDefault("beth.anglin")
    String agentUser();

    OAuth oauth();

    /** OAuth application registry entry and token settings. */
    interface OAuth {

        /** Client id of the seeded OAuth application. */
        @WithDefault("ticketbridge-demo")
        String clientId();

        /** Client secret of the seeded OAuth application (a demo value; the emulator holds no real secrets). */
        @WithDefault("ticketbridge-demo-secret")
        String clientSecret();

        /** Allowed redirect URLs besides loopback ones. */
        Optional<List<String>> redirectUrls();

        /** Accept any http://127.0.0.1:* or http://localhost:* redirect URL. */
        @WithDefault("true")
        boolean allowLoopbackRedirects();

        /** Access token lifespan (ServiceNow default 1800 s; responses say expires_in = lifespan - 1). */
        @WithDefault("PT30M")
        Duration accessTokenLifespan();

        /** Refresh token lifespan (ServiceNow default 100 days). */
        @WithDefault("P100D")
        Duration refreshTokenLifespan();

        /** How long an authorization code may be exchanged. */
        @WithDefault("PT60S")
        Duration codeLifespan();

        /** Accept grant_type=client_credentials (glide.oauth.inbound.client.credential.grant_type.enabled). */
        @WithDefault("false")
        boolean clientCredentialsEnabled();

        /** The OAuth Application User that client_credentials tokens act as. */
        @WithDefault("ticketbridge.integration")
        String applicationUser();

        /** A token request while the user's access token is valid returns that same token (ServiceNow behaviour). */
        @WithDefault("true")
        boolean reuseValidAccessToken();

        /** /oauth_auth.do requires a state parameter (glide.oauth.state.parameter.required). */
        @WithDefault("true")
        boolean stateRequired();
    }
}
