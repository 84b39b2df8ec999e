package dev.ticketbridge.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;

/**
 * Really signed access tokens, as Microsoft Entra ID shapes them ({@code tid}, {@code oid}, {@code roles}), signed with
 * the key whose public half the WireMock OpenID Connect provider of the tests publishes.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "ticketbridge-gateway";
    public static final String ADMIN_ROLE = "Ticketbridge.Admin";
    public static final String READER_ROLE = "Ticketbridge.Reader";

    private Tokens() {
    }

    public static String admin(String tenant) {
        return signed(claims(tenant, "admin-of-" + tenant, ADMIN_ROLE));
    }

    public static String reader(String tenant) {
        return signed(claims(tenant, "reader-of-" + tenant, READER_ROLE));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Claims of a valid token, for tests that change one of them. */
    public static JwtClaimsBuilder claims(String tenant, String user, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + user).expiresIn(300)
                .claim("oid", user).claim("roles", List.of(roles));
        return tenant == null ? claims : claims.claim("tid", tenant);
    }

    public static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
