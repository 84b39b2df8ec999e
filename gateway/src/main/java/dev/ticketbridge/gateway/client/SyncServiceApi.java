package dev.ticketbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** sync-service's per-tenant health, read by {@link SyncHealthClient}. */
@RegisterRestClient(configKey = "sync-service")
@Path("/sync/v1/tenants/{tenantId}/health")
@Produces(MediaType.APPLICATION_JSON)
public interface SyncServiceApi {

    /** The part of sync-service's answer the portal shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectionHealth(String connectionStatus, Instant lastSuccessAt, Instant lastErrorAt) {
    }

    @GET
    ConnectionHealth health(@PathParam("tenantId") String tenantId);
}
