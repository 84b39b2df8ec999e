package dev.ticketbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ticketbridge.gateway.AuthorizationOutcome;
import dev.ticketbridge.gateway.ConnectionCheckReport;
import dev.ticketbridge.gateway.ConnectionRemoval;
import dev.ticketbridge.gateway.ServiceNowConnection;
import dev.ticketbridge.gateway.StateNames;
import dev.ticketbridge.platform.problem.Problem;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The gateway's side of connection-service. Its refusals reach the caller as the same problem (400 naming the field,
 * 404, 409, 502 with ServiceNow guidance); anything else it answers, or not reaching it, is a 502 or 503 that names
 * connection-service without passing on its internals.
 */
@ApplicationScoped
public class ConnectionServiceClient {

    private static final Logger LOG = Logger.getLogger(ConnectionServiceClient.class);
    private static final List<Integer> PASSED_THROUGH = List.of(400, 404, 409, 422, 502, 503);

    /** A problem+json answer of connection-service, as far as the gateway passes it on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteProblem(String title, Integer status, String detail, List<Problem.FieldError> errors) {
    }

    private final ConnectionServiceApi api;

    public ConnectionServiceClient(@RestClient ConnectionServiceApi api) {
        this.api = api;
    }

    public ServiceNowConnection connect(String tenantId, String instance, String clientId, String clientSecret,
            String requestedBy) {
        return read(() -> api.connect(tenantId,
                new ConnectionServiceApi.ConnectRequest(instance, clientId, clientSecret, requestedBy)),
                ServiceNowConnection.class);
    }

    /** The connection, or empty when the tenant has none. */
    public Optional<ServiceNowConnection> status(String tenantId) {
        try {
            return Optional.of(read(() -> api.status(tenantId), ServiceNowConnection.class));
        } catch (ProblemException e) {
            if (e.toProblem().status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ServiceNowConnection authorize(String tenantId, String requestedBy) {
        return read(() -> api.authorize(tenantId, new ConnectionServiceApi.AuthorizeRequest(requestedBy)),
                ServiceNowConnection.class);
    }

    public AuthorizationOutcome completeAuthorization(String tenantId, String state, String code, String error,
            String requestedBy) {
        return read(() -> api.callback(tenantId, new ConnectionServiceApi.CallbackRequest(state, code, error, requestedBy)),
                AuthorizationOutcome.class);
    }

    public ConnectionCheckReport check(String tenantId) {
        return read(() -> api.check(tenantId), ConnectionCheckReport.class);
    }

    public StateNames stateNames(String tenantId) {
        return read(() -> api.stateNames(tenantId), StateNames.class);
    }

    public StateNames renameStates(String tenantId, Map<String, Map<String, String>> renames) {
        return read(() -> api.renameStates(tenantId, new ConnectionServiceApi.StateNamesRequest(renames)),
                StateNames.class);
    }

    public ConnectionRemoval remove(String tenantId) {
        return read(() -> api.remove(tenantId), ConnectionRemoval.class);
    }

    private static <T> T read(Supplier<Response> call, Class<T> type) {
        try (Response response = send(call)) {
            if (response.getStatus() / 100 == 2) {
                return response.readEntity(type);
            }
            throw refusal(response);
        }
    }

    private static Response send(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            LOG.warnf("connection-service could not be reached: %s", e.getMessage());
            throw new ProblemException(503, "Connection service unavailable",
                    "the ServiceNow connection cannot be managed right now; try again in a minute");
        }
    }

    private static ProblemException refusal(Response response) {
        int status = response.getStatus();
        if (!PASSED_THROUGH.contains(status)) {
            LOG.errorf("connection-service answered %d", status);
            return new ProblemException(502, "Connection service failed",
                    "the connection service could not handle the request (status " + status + ")");
        }
        RemoteProblem problem = problemOf(response);
        String title = problem.title() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : problem.title();
        List<Problem.FieldError> errors = problem.errors() == null ? List.of() : problem.errors();
        return new ProblemException(status, title, problem.detail(), errors);
    }

    private static RemoteProblem problemOf(Response response) {
        try {
            return response.readEntity(RemoteProblem.class);
        } catch (RuntimeException e) {
            return new RemoteProblem(null, response.getStatus(), null, List.of());
        }
    }
}
