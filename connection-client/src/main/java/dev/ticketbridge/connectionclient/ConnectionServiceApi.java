package dev.ticketbridge.connectionclient;

import dev.ticketbridge.platform.servicetoken.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * connection-service's internal token API, called with the calling service's RS256 service token. Answers are returned
 * whatever their status: 200 carries the instance URL, access token and its expiry; 404 means the tenant has no
 * connection; 409 carries the connection status that prevents a token. Each service reads them into its own token
 * type. Configured as {@code quarkus.rest-client.connection-service.*}.
 */
@RegisterRestClient(configKey = "connection-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1/tenants/{tenantId}/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConnectionServiceApi {

    /** Body of a refresh request: the access token ServiceNow refused, so that a newer one is not refreshed again. */
    record RefreshRequest(String rejectedAccessToken) {
    }

    @GET
    Response token(@PathParam("tenantId") String tenantId);

    @POST
    @Path("/refresh")
    Response refresh(@PathParam("tenantId") String tenantId, RefreshRequest request);
}
