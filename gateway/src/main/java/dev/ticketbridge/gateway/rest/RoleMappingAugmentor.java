package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.Roles;
import dev.ticketbridge.gateway.config.IdentityConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into the portal's identity: tenant and user from the configured claims, and the provider's
 * role values mapped to {@link Roles#ADMIN} and {@link Roles#READER}. A token without a tenant or user gets no role,
 * so it can reach nothing.
 */
@ApplicationScoped
public class RoleMappingAugmentor implements SecurityIdentityAugmentor {

    static final String TENANT = "ticketbridge.tenant";
    static final String USER = "ticketbridge.user";

    private final IdentityConfig config;

    public RoleMappingAugmentor(IdentityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder mapped = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        Optional<String> tenant = text(token, config.tenantClaim());
        Optional<String> user = config.userClaims().stream().map(claim -> text(token, claim))
                .flatMap(Optional::stream).findFirst();
        if (tenant.isPresent() && user.isPresent()) {
            mapped.addAttribute(TENANT, tenant.get()).addAttribute(USER, user.get()).addRoles(rolesOf(token));
        }
        return Uni.createFrom().item(mapped.build());
    }

    private Set<String> rolesOf(JsonWebToken token) {
        Set<String> values = values(token.getClaim(config.rolesClaim()));
        Set<String> roles = new HashSet<>();
        if (values.stream().anyMatch(config.adminRoles()::contains)) {
            roles.add(Roles.ADMIN);
            roles.add(Roles.READER);
        }
        if (values.stream().anyMatch(config.readerRoles()::contains)) {
            roles.add(Roles.READER);
        }
        return roles;
    }

    private static Optional<String> text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        String text = value instanceof JsonString json ? json.getString() : value instanceof String s ? s : null;
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new HashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString json) {
                    values.add(json.getString());
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(value instanceof JsonString json ? json.getString() : value.toString()));
        } else if (claim instanceof JsonString json) {
            values.addAll(List.of(json.getString().split("[ ,]+")));
        } else if (claim instanceof String text) {
            values.addAll(Arrays.asList(text.split("[ ,]+")));
        }
        return values;
    }
}
