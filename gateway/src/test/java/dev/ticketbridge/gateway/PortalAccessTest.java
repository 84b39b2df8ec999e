package dev.ticketbridge.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal's pages behind the log-in, who the caller is, and the CSRF guard of the cookie session. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class PortalAccessTest {

    @Test
    void portalPageWithoutSessionRedirectsToTheProvidersLogin() {
        for (String page : List.of("/", "/index.html")) {
            given().redirects().follow(false).accept("text/html").get(page).then().statusCode(302)
                    .header("Location", containsString("response_type=code"))
                    .header("Location", containsString("client_id=" + Tokens.AUDIENCE));
        }
    }

    @Test
    void portalAssetsAreServedFromThePortalJar() {
        given().get("/app/api.js").then().statusCode(200).body(containsString("X-Requested-With"));
    }

    @Test
    void apiWithoutTokenOrSessionStillAnswersUnauthorized() {
        given().redirects().follow(false).accept("text/html,*/*;q=0.8").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void meTellsTenantUserAndRoles() {
        GatewayApi.as(Tokens.admin("tenant-me")).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo("admin-of-tenant-me")).body("tenantId", equalTo("tenant-me"))
                .body("roles", hasItems(Roles.ADMIN, Roles.READER)).body("administrator", equalTo(true));
        String named = Tokens.signed(Tokens.claims("tenant-me", "reader-1", Tokens.READER_ROLE).claim("name", "Rita Reader"));
        GatewayApi.as(named).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of(Roles.READER))).body("administrator", equalTo(false))
                .body("displayName", equalTo("Rita Reader"));
        GatewayApi.as(Tokens.reader("tenant-me")).get("/api/v1/me").then().body("displayName", nullValue());
    }

    @Test
    void sessionCookieCallWithoutPortalHeaderIsForbidden() {
        given().cookie("q_session", "from-another-site").get("/api/v1/tickets").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("X-Requested-With"));
        given().cookie("q_session", "from-another-site").contentType("application/json")
                .body(GatewayApi.shareForm()).post("/api/v1/shares").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void sessionCookieCallWithPortalHeaderPassesTheGuard() {
        given().redirects().follow(false).cookie("q_session", "expired-session")
                .header("X-Requested-With", "ticketbridge-portal").get("/api/v1/tickets").then()
                .statusCode(not(equalTo(403)));
    }

    @Test
    void bearerCallsNeedNoPortalHeader() {
        GatewayApi.as(Tokens.reader("tenant-me")).cookie("q_session", "stale").get("/api/v1/tickets").then()
                .statusCode(200);
        GatewayApi.as(Tokens.reader("tenant-me")).get("/api/v1/tickets").then().statusCode(200);
    }
}
