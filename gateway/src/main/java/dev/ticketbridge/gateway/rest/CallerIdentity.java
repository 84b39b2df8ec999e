package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.Caller;
import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as {@link RoleMappingAugmentor} established it. */
@RequestScoped
public class CallerIdentity {

    private final SecurityIdentity identity;

    public CallerIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        String tenant = identity.getAttribute(RoleMappingAugmentor.TENANT);
        String user = identity.getAttribute(RoleMappingAugmentor.USER);
        if (tenant == null || user == null) {
            throw new ProblemException(403, "Forbidden", "the token names no tenant or no user");
        }
        return new Caller(tenant, user, identity.hasRole(Roles.ADMIN));
    }
}
