package dev.ticketbridge.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketbridge.gateway.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Identity", description = "Who the caller is")
public class MeResource {

    /** The caller: tenant, user, the portal roles held, and a name to show when the token carries one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String userId, String tenantId, List<String> roles, boolean administrator, String displayName) {
    }

    private static final List<String> NAME_CLAIMS = List.of("name", "preferred_username", "upn", "email");

    private final SecurityIdentity identity;

    public MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The caller", description = "userId, tenantId, the portal roles (security-admin, "
            + "security-reader) and displayName when the token has one. A token naming no tenant has no roles.")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No valid token or session")
    public Me me() {
        List<String> roles = Stream.of(Roles.ADMIN, Roles.READER).filter(identity::hasRole).toList();
        return new Me(identity.getAttribute(RoleMappingAugmentor.USER), identity.getAttribute(RoleMappingAugmentor.TENANT),
                roles, identity.hasRole(Roles.ADMIN), displayName().orElse(null));
    }

    private Optional<String> displayName() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return NAME_CLAIMS.stream().map(token::<Object>getClaim).filter(Objects::nonNull)
                .map(v -> v instanceof JsonString json ? json.getString() : v.toString())
                .filter(v -> !v.isBlank()).findFirst();
    }
}
