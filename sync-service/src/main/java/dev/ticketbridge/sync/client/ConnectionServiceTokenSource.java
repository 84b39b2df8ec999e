package dev.ticketbridge.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.connectionclient.ConnectionServiceApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Tokens from connection-service, which refreshes them (single-flight per connection) and knows the instance URL.
 * 404 means the tenant has no connection; 409 carries the connection status that prevents a token.
 */
@ApplicationScoped
public class ConnectionServiceTokenSource implements TokenSource {

    private final ConnectionServiceApi api;

    public ConnectionServiceTokenSource(@RestClient ConnectionServiceApi api) {
        this.api = api;
    }

    @Override
    public AccessToken token(String tenantId) throws TokenUnavailableException {
        return read(tenantId, () -> api.token(tenantId));
    }

    @Override
    public AccessToken refresh(String tenantId, AccessToken rejected) throws TokenUnavailableException {
        return read(tenantId, () -> api.refresh(tenantId,
                new ConnectionServiceApi.RefreshRequest(rejected.accessToken())));
    }

    private static AccessToken read(String tenantId, Supplier<Response> call) throws TokenUnavailableException {
        try (Response response = call.get()) {
            JsonNode body = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
            if (response.getStatus() == 200 && body != null) {
                return new AccessToken(tenantId, body.path("instanceUrl").asText(),
                        body.path("accessToken").asText(), Instant.parse(body.path("expiresAt").asText()));
            }
            String status = body == null ? null : body.path("connectionStatus").asText(null);
            String detail = body == null ? "" : body.path("detail").asText("");
            throw new TokenUnavailableException("connection-service gave no token for " + tenantId + " ("
                    + response.getStatus() + (detail.isEmpty() ? "" : ": " + detail) + ")",
                    response.getStatus() == 404 ? "REMOVED" : status);
        } catch (ProcessingException e) {
            throw new TokenUnavailableException("connection-service unreachable: " + e.getMessage(), null);
        }
    }
}
