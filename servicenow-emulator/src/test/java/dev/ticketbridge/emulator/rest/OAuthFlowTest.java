package dev.ticketbridge.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.emulator.Emulator;
import dev.ticketbridge.emulator.service.AuthorizationService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OAuthFlowTest {

    @TestHTTPResource("/")
    URL base;

    private OAuthClient client;

    @BeforeEach
    void setUp() {
        Emulator.reset();
        client = new OAuthClient(base.toString());
    }

    @Test
    void allowRedirectsWithCodeAndStateAndTheCodeBuysWorkingTokens() {
        HttpResponse<String> redirect = client.authorize("ticketbridge.integration", "Integration-Demo-1",
                "allow", Map.of());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(OAuthClient.REDIRECT + "?");
        Map<String, String> params = OAuthClient.query(location);
        assertThat(params).containsEntry("state", "xyz").containsKey("code");

        HttpResponse<String> token = client.exchange(params.get("code"), Map.of());
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = OAuthClient.json(token);
        assertThat(body.get("scope").asText()).isEqualTo("useraccount");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(1799);
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        assertThat(client.tableStatus(body.get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void codeIsSingleUse() {
        String code = OAuthClient.query(client.authorize("ticketbridge.integration", "Integration-Demo-1",
                "allow", Map.of()).headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(client.exchange(code, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = client.exchange(code, Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(OAuthClient.json(again).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void denyRedirectsWithAccessDeniedAndTheState() {
        HttpResponse<String> redirect = client.authorize("ticketbridge.integration", "Integration-Demo-1",
                "deny", Map.of());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(OAuthClient.query(redirect.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("state", "xyz").doesNotContainKey("code");
    }

    @Test
    void wrongPasswordShowsTheLoginFormAgain() {
        HttpResponse<String> page = client.logIn("ticketbridge.integration", "wrong", Map.of());
        assertThat(page.body()).contains("User name or password invalid").contains("user_password");
    }

    @Test
    void missingStateOrUnknownClientIsRefusedWithoutRedirect() {
        HttpResponse<String> noState = client.get("/oauth_auth.do?response_type=code&client_id=ticketbridge-demo"
                + "&redirect_uri=http://127.0.0.1:9999/callback", Map.of());
        assertThat(noState.statusCode()).isEqualTo(400);
        assertThat(noState.body()).contains("Missing State parameter in request.");
        HttpResponse<String> badClient = client.get("/oauth_auth.do?response_type=code&client_id=nope"
                + "&redirect_uri=http://127.0.0.1:9999/callback&state=s", Map.of());
        assertThat(badClient.statusCode()).isEqualTo(400);
    }

    @Test
    void pkceVerifierMustMatchTheS256Challenge() {
        String verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789";
        Map<String, String> pkce = Map.of("code_challenge", AuthorizationService.s256(verifier),
                "code_challenge_method", "S256");
        String bad = OAuthClient.query(client.authorize("ticketbridge.integration", "Integration-Demo-1", "allow",
                pkce).headers().firstValue("Location").orElseThrow()).get("code");
        HttpResponse<String> refused = client.exchange(bad, Map.of("code_verifier", "some-other-verifier"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(OAuthClient.json(refused).get("error").asText()).isEqualTo("invalid_grant");
        String good = OAuthClient.query(client.authorize("ticketbridge.integration", "Integration-Demo-1", "allow",
                pkce).headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(client.exchange(good, Map.of("code_verifier", verifier)).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshGivesANewWorkingAccessToken() {
        JsonNode first = OAuthClient.json(client.password("ticketbridge.integration", "Integration-Demo-1"));
        HttpResponse<String> refreshed = client.refresh(first.get("refresh_token").asText());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String access = OAuthClient.json(refreshed).get("access_token").asText();
        assertThat(access).isNotEqualTo(first.get("access_token").asText());
        assertThat(client.tableStatus(access)).isEqualTo(200);
    }

    @Test
    void revokingTheRefreshTokenRevokesThePair() {
        JsonNode tokens = OAuthClient.json(client.password("ticketbridge.integration", "Integration-Demo-1"));
        assertThat(client.postForm("/oauth_revoke_token.do?token=" + tokens.get("refresh_token").asText(),
                Map.of()).statusCode()).isEqualTo(200);
        assertThat(client.tableStatus(tokens.get("access_token").asText())).isEqualTo(401);
        assertThat(client.refresh(tokens.get("refresh_token").asText()).statusCode()).isEqualTo(400);
    }

    @Test
    void expiredAccessTokenGets401AndRefreshStillWorks() {
        Emulator.settings(Map.of("access_token_lifespan_seconds", 1));
        JsonNode tokens = OAuthClient.json(client.password("ticketbridge.integration", "Integration-Demo-1"));
        String access = tokens.get("access_token").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.tableStatus(access) == 401);
        HttpResponse<String> expired = client.get("/api/now/table/incident",
                Map.of("Authorization", "Bearer " + access));
        assertThat(expired.body()).contains("User Not Authenticated");
        assertThat(client.refresh(tokens.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenRequestWhileTheTokenIsValidReturnsTheSameToken() {
        String first = OAuthClient.json(client.password("abel.tuter", "Abel-Demo-1")).get("access_token").asText();
        String second = OAuthClient.json(client.password("abel.tuter", "Abel-Demo-1")).get("access_token").asText();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void tokenEndpointAcceptsOnlyFormEncodedBodies() {
        HttpResponse<String> json = client.postJson("/oauth_token.do",
                "{\"grant_type\":\"password\",\"username\":\"abel.tuter\",\"password\":\"Abel-Demo-1\"}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(OAuthClient.json(json).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void badClientSecretIs401AndBadUserPasswordIs401() {
        HttpResponse<String> badClient = client.postForm("/oauth_token.do", Map.of("grant_type", "password",
                "username", "abel.tuter", "password", "Abel-Demo-1", "client_id", OAuthClient.CLIENT_ID,
                "client_secret", "wrong"));
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(OAuthClient.json(badClient).get("error").asText()).isEqualTo("invalid_client");
        assertThat(client.password("abel.tuter", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void clientCredentialsGrantWorksOnlyWhenEnabled() {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", OAuthClient.CLIENT_ID,
                "client_secret", OAuthClient.CLIENT_SECRET);
        assertThat(client.postForm("/oauth_token.do", form).statusCode()).isEqualTo(400);
        Emulator.settings(Map.of("client_credentials_enabled", true));
        HttpResponse<String> issued = client.postForm("/oauth_token.do", form);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(client.tableStatus(OAuthClient.json(issued).get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void clientCredentialsMayComeInABasicHeader() {
        String basic = Base64.getEncoder().encodeToString(
                (OAuthClient.CLIENT_ID + ":" + OAuthClient.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client.postForm("/oauth_token.do", Map.of("grant_type", "password",
                "username", "abel.tuter", "password", "Abel-Demo-1"), Map.of("Authorization", "Basic " + basic));
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
