package dev.ticketbridge.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.gateway.CatalogAction;
import dev.ticketbridge.gateway.config.CatalogConfig;
import dev.ticketbridge.platform.problem.ProblemException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The catalog from Microsoft Graph: {@code GET /v1.0/security/secureScoreControlProfiles} for the caller's tenant,
 * with an app-only token from that tenant's token endpoint (client-credentials grant through quarkus-oidc-client),
 * following {@code @odata.nextLink} to the last page. Each tenant's catalog is cached for the configured time; one
 * tenant's refresh does not hold up another's.
 */
@ApplicationScoped
public class GraphCatalogSource implements CatalogSource {

    private static final Logger LOG = Logger.getLogger(GraphCatalogSource.class);

    private final CatalogConfig.Graph config;
    private final OidcClients oidcClients;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Map<String, OidcClient> tokenClients = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<CatalogAction> actions, Instant expiresAt) {
    }

    public GraphCatalogSource(CatalogConfig config, OidcClients oidcClients, ObjectMapper mapper) {
        this.config = config.graph();
        this.oidcClients = oidcClients;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public List<CatalogAction> actions(String tenantId) {
        return cache.compute(tenantId, (tenant, cached) -> cached != null && cached.expiresAt().isAfter(Instant.now())
                ? cached
                : new Cached(fetch(tenant), Instant.now().plus(config.cacheTtl()))).actions();
    }

    private List<CatalogAction> fetch(String tenantId) {
        String token = accessToken(tenantId);
        List<GraphControlProfilePage.Profile> profiles = new ArrayList<>();
        String next = config.baseUrl() + "/v1.0/security/secureScoreControlProfiles";
        int pages = 0;
        while (next != null) {
            if (++pages > config.maxPages()) {
                throw unavailable("Microsoft Graph returned more than " + config.maxPages() + " pages");
            }
            GraphControlProfilePage page = get(next, token);
            profiles.addAll(page.value());
            next = page.nextLink();
        }
        LOG.debugf("Read %s control profiles of tenant %s in %s pages", (Object) profiles.size(), tenantId, pages);
        return ControlProfileMapper.toActions(profiles);
    }

    private GraphControlProfilePage get(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unavailable("Microsoft Graph answered HTTP " + response.statusCode());
            }
            return mapper.readValue(response.body(), GraphControlProfilePage.class);
        } catch (IOException e) {
            throw unavailable("Microsoft Graph could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while reading Microsoft Graph");
        }
    }

    private String accessToken(String tenantId) {
        OidcClient client = tokenClients.computeIfAbsent(tenantId, this::newTokenClient);
        try {
            return client.getTokens().await().atMost(config.timeout()).getAccessToken();
        } catch (RuntimeException e) {
            throw unavailable("no Microsoft Graph token for the tenant: " + e.getMessage());
        }
    }

    private OidcClient newTokenClient(String tenantId) {
        String clientId = config.clientId().orElseThrow(() -> unavailable("no Graph client id is configured"));
        String tokenUrl = config.tokenUrl().replace("{tenantId}", tenantId);
        OidcClientConfigBuilder builder = OidcClientConfig.builder()
                .id("graph-" + tenantId)
                .authServerUrl(tokenUrl)
                .discoveryEnabled(false)
                .tokenPath(tokenUrl)
                .clientId(clientId)
                .scopes(config.scope())
                .grant(OidcClientConfig.Grant.Type.CLIENT);
        config.clientSecret().ifPresent(builder::credentials);
        return oidcClients.newClient(builder.build()).await().atMost(config.timeout());
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Improvement actions unavailable", detail);
    }
}
