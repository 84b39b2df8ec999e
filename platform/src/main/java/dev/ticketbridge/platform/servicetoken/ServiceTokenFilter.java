package dev.ticketbridge.platform.servicetoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds this service's token to every request of a REST client. Register it on the client interface with
 * {@code @RegisterProvider(ServiceTokenFilter.class)}.
 */
@ApplicationScoped
public class ServiceTokenFilter implements ClientRequestFilter {

    private final ServiceTokenIssuer issuer;

    public ServiceTokenFilter(ServiceTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, issuer.authorizationHeader());
    }
}
