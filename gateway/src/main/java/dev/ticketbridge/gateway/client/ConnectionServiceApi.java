package dev.ticketbridge.gateway.client;

import dev.ticketbridge.platform.servicetoken.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * connection-service's internal API for a tenant's connection, called with the gateway's service token. Answers are
 * read by {@link ConnectionServiceClient}, which turns refusals into problems.
 */
@RegisterRestClient(configKey = "connection-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1/tenants/{tenantId}/connection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConnectionServiceApi {

    /** Body of a set-up: the secret is never printed. */
    record ConnectRequest(String instance, String clientId, String clientSecret, String requestedBy) {

        @Override
        public String toString() {
            return "ConnectRequest[instance=" + instance + ", clientId=" + clientId + ", requestedBy=" + requestedBy + "]";
        }
    }

    /** Body of "authorize again". */
    record AuthorizeRequest(String requestedBy) {
    }

    /** What ServiceNow sent the browser back with, and who the browser belongs to. */
    record CallbackRequest(String state, String code, String error, String requestedBy) {

        @Override
        public String toString() {
            return "CallbackRequest[requestedBy=" + requestedBy + "]";
        }
    }

    /** The tenant's renames per table: state code → label. */
    record StateNamesRequest(Map<String, Map<String, String>> renames) {
    }

    @PUT
    Response connect(@PathParam("tenantId") String tenantId, ConnectRequest request);

    @GET
    Response status(@PathParam("tenantId") String tenantId);

    @POST
    @Path("/authorization")
    Response authorize(@PathParam("tenantId") String tenantId, AuthorizeRequest request);

    @POST
    @Path("/callback")
    Response callback(@PathParam("tenantId") String tenantId, CallbackRequest request);

    @POST
    @Path("/check")
    Response check(@PathParam("tenantId") String tenantId);

    @GET
    @Path("/state-names")
    Response stateNames(@PathParam("tenantId") String tenantId);

    @PUT
    @Path("/state-names")
    Response renameStates(@PathParam("tenantId") String tenantId, StateNamesRequest request);

    @DELETE
    Response remove(@PathParam("tenantId") String tenantId);
}
