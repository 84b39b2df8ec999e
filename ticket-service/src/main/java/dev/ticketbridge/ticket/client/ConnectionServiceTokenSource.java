package dev.ticketbridge.ticket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.connectionclient.ConnectionServiceApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Tokens from connection-service's internal API. */
@ApplicationScoped
public class ConnectionServiceTokenSource implements TokenSource {

    private final ConnectionServiceApi api;

    public ConnectionServiceTokenSource(@RestClient ConnectionServiceApi api) {
        this.api = api;
    }

    @Override
    public AccessToken current(String tenantId) {
        return read(tenantId, () -> api.token(tenantId));
    }

    @Override
    public AccessToken refresh(String tenantId, String rejectedAccessToken) {
        return read(tenantId, () -> api.refresh(tenantId, new ConnectionServiceApi.RefreshRequest(rejectedAccessToken)));
    }

    private static AccessToken read(String tenantId, Supplier<Response> call) {
        try (Response response = answer(call)) {
            int status = response.getStatus();
            if (status == 200) {
                JsonNode body = response.readEntity(JsonNode.class);
                return new AccessToken(tenantId, body.path("instanceUrl").asText(), body.path("accessToken").asText(),
                        Instant.parse(body.path("expiresAt").asText()));
            }
            if (status == 404) {
                throw new ConnectionUnavailableException(tenantId, "NOT_CONNECTED");
            }
            if (status == 409) {
                JsonNode problem = response.readEntity(JsonNode.class);
                throw new ConnectionUnavailableException(tenantId, problem.path("connectionStatus").asText("UNKNOWN"));
            }
            throw new TokenSourceException("token API answered " + status + " for tenant " + tenantId);
        }
    }

    /** The answer whatever its status (the REST client turns 4xx/5xx into exceptions carrying it). */
    private static Response answer(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new TokenSourceException("token API unreachable: " + e.getMessage(), e);
        }
    }
}
