package dev.ticketbridge.sync.rest;

import dev.ticketbridge.sync.service.PushNotifications;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Receives change notifications from a ServiceNow business rule (outbound REST message), signed with the
 * tenant's HMAC secret. Answers 202 at once; the record is fetched in the background.
 */
@Path("/sync/v1/tenants/{tenantId}/notifications")
public class PushNotificationResource {

    static final String TIMESTAMP = "X-Ticketbridge-Timestamp";
    static final String SIGNATURE = "X-Ticketbridge-Signature";

    private final PushNotifications notifications;

    public PushNotificationResource(PushNotifications notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notify(@PathParam("tenantId") String tenantId, @HeaderParam(TIMESTAMP) String timestamp,
            @HeaderParam(SIGNATURE) String signature, String body) {
        PushNotifications.Outcome outcome = notifications.accept(tenantId, timestamp, signature,
                body == null ? "" : body);
        return Response.accepted(outcome).build();
    }
}
