package dev.ticketbridge.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OAuth callback accepts only the state it issued, to the tenant and user who started the authorization, once
 * and before it expires. A tampered, missing, expired, replayed, another tenant's or another user's state is refused
 * (a redirect to the setup page with an error), and none of those attempts connects anything; a stolen code cannot
 * be redeemed under another tenant's state (PKCE). The genuine callback still works, exactly once.
 */
class OAuthStateTest {

    private static final String SECOND_ADMIN = "casey.contoso";

    @Test
    void onlyTheGenuineStateOfTheUserWhoStartedItCompletesTheAuthorizationOnce() {
        String alex = Identity.tokenFor(Identity.ADMIN);
        String fran = Identity.tokenFor(Identity.OTHER_TENANT_ADMIN);
        Gateway contoso = Gateway.as(Identity.ADMIN);
        Gateway fabrikam = Gateway.as(Identity.OTHER_TENANT_ADMIN);
        String casey = KeycloakUsers.tokenOfNewUser(SECOND_ADMIN, "casey-test-pass-1", Fixtures.tenantOf(contoso),
                "Ticketbridge.Admin");
        OAuthLogin login = Fixtures.integrationUser();

        String authorizeUrl = Fixtures.setUp(contoso, login);
        TenantConnector.Redirect genuine = Fixtures.consent(authorizeUrl, login);
        TenantConnector.Redirect sameStateOtherCode = Fixtures.consent(authorizeUrl, login);
        String secondUrl = contoso.post("/api/v1/connection/authorization", Map.of()).expect(200).body()
                .path("authorizeUrl").asText();
        TenantConnector.Redirect expired = Fixtures.consent(secondUrl, login);
        ConnectionDatabase.expireAuthorization(expired.state());
        OAuthLogin fabrikamLogin = Fixtures.otherServiceNowUser();
        TenantConnector.Redirect fabrikamOwn = Fixtures.consent(Fixtures.setUp(fabrikam, fabrikamLogin), fabrikamLogin);

        Map<String, Api.Call> attempts = new LinkedHashMap<>();
        attempts.put("a tampered state", callback(alex, genuine.code(), tamper(genuine.state())));
        attempts.put("a truncated state", callback(alex, genuine.code(), genuine.state().substring(1)));
        attempts.put("no state", callback(alex, genuine.code(), null));
        attempts.put("an empty state", callback(alex, genuine.code(), ""));
        attempts.put("an expired state", callback(alex, expired.code(), expired.state()));
        attempts.put("Contoso's state completed by another Contoso administrator", callback(casey, genuine.code(),
                genuine.state()));
        attempts.put("Contoso's state completed by Fabrikam's administrator", callback(fran, genuine.code(),
                genuine.state()));
        attempts.put("Fabrikam's state completed by Contoso's administrator", callback(alex, fabrikamOwn.code(),
                fabrikamOwn.state()));
        attempts.put("Contoso's code under Fabrikam's state", callback(fran, sameStateOtherCode.code(),
                fabrikamOwn.state()));

        List<String> problems = new ArrayList<>();
        attempts.forEach((what, call) -> {
            Api.Response answer = Api.send(call);
            if (!refused(answer)) {
                problems.add(what + " was not refused: " + answer);
            }
            String status = Fixtures.status(contoso);
            if (!"PENDING_AUTHORIZATION".equals(status)) {
                problems.add("after " + what + " Contoso's connection is " + status);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(Fixtures.status(fabrikam)).as("Fabrikam after a stolen code").isNotEqualTo("CONNECTED");

        Api.Response completed = Api.send(callback(alex, genuine.code(), genuine.state()));
        assertThat(completed.status()).isEqualTo(303);
        assertThat(completed.location()).hasValueSatisfying(l -> assertThat(l).contains("authorized=true"));
        assertThat(Fixtures.status(contoso)).isEqualTo("CONNECTED");
        String authorizedBy = Fixtures.connection(contoso).path("authorizedBy").asText();

        Api.Response replayed = Api.send(callback(alex, genuine.code(), genuine.state()));
        assertThat(refused(replayed)).as("the replayed callback %s", replayed).isTrue();
        assertThat(Fixtures.connection(contoso).path("status").asText()).isEqualTo("CONNECTED");
        assertThat(Fixtures.connection(contoso).path("authorizedBy").asText()).isEqualTo(authorizedBy);
        System.out.printf("OAuth state: %d forged or misused callbacks refused, the genuine one completed once%n",
                attempts.size() + 1);
        Fixtures.removeConnection(fabrikam);
    }

    /** Refused: a redirect to the setup page carrying an error, or a 4xx problem. */
    private static boolean refused(Api.Response answer) {
        if (answer.status() == 303) {
            String location = answer.location().orElse("");
            return location.contains("error=") && !location.contains("authorized=true");
        }
        return answer.status() >= 400 && answer.status() < 500 && answer.isProblem();
    }

    private static Api.Call callback(String token, String code, String state) {
        StringBuilder path = new StringBuilder("/api/v1/servicenow/oauth/callback?code=").append(Journeys.encode(code));
        if (state != null) {
            path.append("&state=").append(Journeys.encode(state));
        }
        return Api.Call.of("GET", path.toString(), token);
    }

    private static String tamper(String state) {
        char last = state.charAt(state.length() - 1);
        return state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
