package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.ApiException;
import dev.ticketbridge.emulator.OAuthException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure answers in ServiceNow's own shapes; never a stack trace or a framework error page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return envelope(e.status(), e.getMessage(), e.detail());
    }

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return envelope(400, "Requested URI does not represent any resource", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return envelope(405, "Method not Supported", "HTTP method not supported by this resource");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return envelope(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return envelope(500, "Internal server error", e.getClass().getSimpleName());
    }

    private static Response envelope(int status, String message, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ErrorBodies.envelope(message, detail)).build();
    }
}
