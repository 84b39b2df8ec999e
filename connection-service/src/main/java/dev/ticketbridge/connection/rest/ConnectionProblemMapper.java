package dev.ticketbridge.connection.rest;

import dev.ticketbridge.connection.service.ConnectionUnavailableException;
import dev.ticketbridge.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Adds {@code connectionStatus} to the problem answered when a connection cannot give a token. */
public class ConnectionProblemMapper {

    @ServerExceptionMapper
    public Response unavailable(ConnectionUnavailableException e) {
        Problem problem = e.toProblem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("connectionStatus", e.connectionStatus().name());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
