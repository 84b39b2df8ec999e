package dev.ticketbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Where improvement actions come from. */
@ConfigMapping(prefix = "ticketbridge.catalog")
public interface CatalogConfig {

    /** Which kind of source serves the catalog. */
    enum Source {
        /** A Microsoft Graph {@code secureScoreControlProfiles} response stored as a file. */
        FILE,
        /** Microsoft Graph itself, per tenant, with the client-credentials grant. */
        GRAPH
    }

    /** {@code file} or {@code graph}. */
    @WithDefault("file")
    Source source();

    /** The Graph-format file for the {@code file} source: a classpath resource or a file system path. */
    @WithDefault("catalog/secure-score-control-profiles.json")
    String file();

    /** Settings of the {@code graph} source. */
    Graph graph();

    interface Graph {

        /** Microsoft Graph's base URL. */
        @WithName("base-url")
        @WithDefault("https://graph.microsoft.com")
        String baseUrl();

        /** The token endpoint; {@code {tenantId}} is replaced by the caller's tenant. */
        @WithName("token-url")
        @WithDefault("https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token")
        String tokenUrl();

        /** The gateway's application (client) id in Entra ID, granted {@code SecurityEvents.Read.All}. */
        @WithName("client-id")
        Optional<String> clientId();

        /** The application's client secret. */
        @WithName("client-secret")
        Optional<String> clientSecret();

        /** The scope asked for with the client-credentials grant. */
        @WithDefault("https://graph.microsoft.com/.default")
        String scope();

        /** How long one tenant's catalog is kept before Graph is asked again. */
        @WithName("cache-ttl")
        @WithDefault("15m")
        Duration cacheTtl();

        /** Timeout of one Graph request. */
        @WithDefault("20s")
        Duration timeout();

        /** Most pages followed through {@code @odata.nextLink}, a guard against a link loop. */
        @WithName("max-pages")
        @WithDefault("50")
        int maxPages();
    }
}
