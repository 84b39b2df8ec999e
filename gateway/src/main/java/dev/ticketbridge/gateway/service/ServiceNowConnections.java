package dev.ticketbridge.gateway.service;

import dev.ticketbridge.gateway.AuthorizationOutcome;
import dev.ticketbridge.gateway.Caller;
import dev.ticketbridge.gateway.ConnectionCheckReport;
import dev.ticketbridge.gateway.ConnectionRemoval;
import dev.ticketbridge.gateway.ServiceNowConnection;
import dev.ticketbridge.gateway.StateNames;
import dev.ticketbridge.gateway.client.ConnectionServiceClient;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The caller's ServiceNow connection, managed through connection-service with the caller's tenant (and only that
 * tenant); every change is written to the audit trail once connection-service has made it.
 */
@ApplicationScoped
public class ServiceNowConnections {

    private final ConnectionServiceClient connections;
    private final AuditTrail audit;

    public ServiceNowConnections(ConnectionServiceClient connections, AuditTrail audit) {
        this.connections = connections;
        this.audit = audit;
    }

    public ServiceNowConnection status(Caller caller) {
        return connections.status(caller.tenantId()).orElseGet(ServiceNowConnection::notConnected);
    }

    public ServiceNowConnection setUp(Caller caller, ConnectionForm form) {
        if (form == null) {
            throw new ProblemException(400, "Invalid request", "a JSON body with instance, clientId and clientSecret is required");
        }
        ServiceNowConnection connection = connections.connect(caller.tenantId(), form.instance(), form.clientId(),
                form.clientSecret(), caller.userId());
        audit.record(caller, AuditTrail.Action.CONNECTION_SET_UP, connection.instanceUrl(),
                "client id " + connection.clientId());
        return connection;
    }

    public ServiceNowConnection startAuthorization(Caller caller) {
        ServiceNowConnection connection = connections.authorize(caller.tenantId(), caller.userId());
        audit.record(caller, AuditTrail.Action.CONNECTION_AUTHORIZATION_STARTED, connection.instanceUrl(), null);
        return connection;
    }

    /** Completes the authorization the caller started, with what ServiceNow sent the browser back with. */
    public AuthorizationOutcome completeAuthorization(Caller caller, String state, String code, String error) {
        AuthorizationOutcome outcome = connections.completeAuthorization(caller.tenantId(), state, code, error,
                caller.userId());
        String instance = outcome.connection() == null ? null : outcome.connection().instanceUrl();
        audit.record(caller, AuditTrail.Action.CONNECTION_AUTHORIZED, instance, outcome.outcome());
        return outcome;
    }

    public ConnectionCheckReport check(Caller caller) {
        return connections.check(caller.tenantId());
    }

    public StateNames stateNames(Caller caller) {
        return connections.stateNames(caller.tenantId());
    }

    public StateNames renameStates(Caller caller, Map<String, Map<String, String>> renames) {
        if (renames == null) {
            throw ProblemException.badField("renames", "is required");
        }
        StateNames names = connections.renameStates(caller.tenantId(), renames);
        audit.record(caller, AuditTrail.Action.STATE_NAMES_CHANGED, null, describe(renames));
        return names;
    }

    public ConnectionRemoval remove(Caller caller) {
        ConnectionRemoval removal = connections.remove(caller.tenantId());
        audit.record(caller, AuditTrail.Action.CONNECTION_REMOVED, null,
                removal.revoked() ? "tokens revoked" : "tokens not revoked: " + removal.detail());
        return removal;
    }

    private static String describe(Map<String, Map<String, String>> renames) {
        String text = renames.toString();
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
