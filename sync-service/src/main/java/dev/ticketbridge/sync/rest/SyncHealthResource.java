package dev.ticketbridge.sync.rest;

import dev.ticketbridge.sync.service.SyncHealthService;
import dev.ticketbridge.sync.service.SyncHealthService.ConnectionHealth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Per-connection sync health for the gateway's sync-health card. */
@Path("/sync/v1/tenants/{tenantId}/health")
@Produces(MediaType.APPLICATION_JSON)
public class SyncHealthResource {

    private final SyncHealthService health;

    public SyncHealthResource(SyncHealthService health) {
        this.health = health;
    }

    @GET
    public ConnectionHealth health(@PathParam("tenantId") String tenantId) {
        return health.of(tenantId);
    }
}
