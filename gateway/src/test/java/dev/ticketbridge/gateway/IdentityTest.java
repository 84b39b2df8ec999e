package dev.ticketbridge.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class IdentityTest {

    @Test
    void requestWithoutTokenIsUnauthorizedAsProblemJson() {
        given().get("/api/v1/tickets").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws NoSuchAlgorithmException {
        KeyPair other = KeyUtils.generateKeyPair(2048);
        String forged = Tokens.claims("tenant-a", "mallory", Tokens.ADMIN_ROLE).jws().keyId("1").sign(other.getPrivate());
        GatewayApi.as(forged).get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String token = Tokens.signed(Tokens.claims("tenant-a", "alice", Tokens.ADMIN_ROLE).audience("another-app"));
        GatewayApi.as(token).get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String token = Tokens.signed(Tokens.claims("tenant-a", "alice", Tokens.ADMIN_ROLE).issuer("https://evil.example"));
        GatewayApi.as(token).get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIsRejected() {
        long past = System.currentTimeMillis() / 1000 - 3600;
        String token = Tokens.signed(Tokens.claims("tenant-a", "alice", Tokens.ADMIN_ROLE).issuedAt(past - 600)
                .expiresAt(past));
        GatewayApi.as(token).get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenWithoutAPortalRoleIsForbiddenAsProblemJson() {
        String token = Tokens.signed(Tokens.claims("tenant-a", "alice", "Some.Other.Role"));
        GatewayApi.as(token).get("/api/v1/tickets").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void tokenWithoutTenantReachesNothing() {
        String token = Tokens.signed(Tokens.claims(null, "alice", Tokens.ADMIN_ROLE));
        GatewayApi.as(token).get("/api/v1/tickets").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void userFallsBackToSubjectWhenTokenHasNoObjectId() {
        String token = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("subject-only").expiresIn(300)
                .claim("tid", "tenant-sub").claim("roles", java.util.List.of(Tokens.ADMIN_ROLE)).jws().keyId("1")
                .sign("privateKey.jwk");
        GatewayApi.share(token, GatewayApi.shareForm()).then().statusCode(202).body("requestedBy", equalTo("subject-only"));
    }

    @Test
    void readerMayViewButNotShare() {
        GatewayApi.as(Tokens.reader("tenant-r")).get("/api/v1/tickets").then().statusCode(200);
        GatewayApi.share(Tokens.reader("tenant-r"), GatewayApi.shareForm()).then().statusCode(403)
                .contentType("application/problem+json");
        GatewayApi.as(Tokens.reader("tenant-r")).get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
