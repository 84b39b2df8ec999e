package dev.ticketbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConnectionTestResource.class, restrictToAnnotatedClass = false)
class AuthorizationFlowTest {

    private final OAuthLogin login = ConnectionTestResource.integrationUser();

    @Test
    void integrationUserAllowingAccessConnectsTheTenantAndPublishesIt() throws Exception {
        String tenant = Tenants.fresh("flow");

        String authorizeUrl = Tenants.connector().create(tenant, login);
        assertThat(authorizeUrl).startsWith(login.instanceUrl() + "/oauth_auth.do?response_type=code")
                .contains("state=", "code_challenge=", "code_challenge_method=S256");
        TenantConnector.Answer done = Tenants.connector().callback(tenant, Tenants.connector().authorize(authorizeUrl, login),
                TenantConnector.ADMIN);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().path("outcome").asText()).isEqualTo("CONNECTED");
        TenantConnector.Answer status = Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/connection", null);
        assertThat(status.body().path("status").asText()).isEqualTo("CONNECTED");
        assertThat(status.body().path("accessTokenStored").asBoolean()).isTrue();
        assertThat(status.body().path("accessTokenExpiresAt").asText()).isNotBlank();
        ConnectionChanged event = KafkaTestClient.awaitEvent(Topics.CONNECTION_EVENTS, ConnectionChanged.class,
                e -> e.tenantId().equals(tenant) && e.status() == ConnectionStatus.CONNECTED);
        assertThat(event.instanceUrl()).isEqualTo(login.instanceUrl());
        assertThat(event.labelFor("incident", "2")).isEqualTo("In Progress");

        TenantConnector.Answer token = Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/token", null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(instanceAnswers(token.body().path("accessToken").asText())).isEqualTo(200);
    }

    @Test
    void denyOnTheConsentPageLeavesTheConnectionPendingWithGuidance() {
        String tenant = Tenants.fresh("deny");
        String authorizeUrl = Tenants.connector().create(tenant, login);

        TenantConnector.Answer done = Tenants.connector().callback(tenant, Tenants.connector().authorize(authorizeUrl, login.denying()),
                TenantConnector.ADMIN);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().path("outcome").asText()).isEqualTo("DENIED");
        assertThat(done.body().path("connection").path("status").asText()).isEqualTo("PENDING_AUTHORIZATION");
        assertThat(done.body().path("connection").path("detail").asText()).contains("denied");
    }

    @Test
    void replayedStateIsRefused() {
        String tenant = Tenants.fresh("replay");
        TenantConnector.Redirect redirect = Tenants.connector().authorize(Tenants.connector().create(tenant, login), login);
        assertThat(Tenants.connector().callback(tenant, redirect, TenantConnector.ADMIN).status()).isEqualTo(200);

        TenantConnector.Answer replay = Tenants.connector().callback(tenant, redirect, TenantConnector.ADMIN);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body().path("errors").path(0).path("field").asText()).isEqualTo("state");
    }

    @Test
    void tamperedStateIsRefusedAndLeavesTheConnectionPending() {
        String tenant = Tenants.fresh("tamper");
        TenantConnector.Redirect redirect = Tenants.connector().authorize(Tenants.connector().create(tenant, login), login);

        TenantConnector.Answer tampered = Tenants.connector().callback(tenant,
                new TenantConnector.Redirect(redirect.code(), redirect.state() + "x", null), TenantConnector.ADMIN);

        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.body().path("errors").path(0).path("field").asText()).isEqualTo("state");
        assertThat(Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/connection", null).body()
                .path("status").asText()).isEqualTo("PENDING_AUTHORIZATION");
    }

    @Test
    void stateStartedByOneUserCannotBeCompletedByAnother() {
        String tenant = Tenants.fresh("user");
        TenantConnector.Redirect redirect = Tenants.connector().authorize(Tenants.connector().create(tenant, login), login);

        TenantConnector.Answer other = Tenants.connector().callback(tenant, redirect, "someone-else@tenant.example");

        assertThat(other.status()).isEqualTo(400);
        assertThat(Tenants.connector().callback(tenant, redirect, TenantConnector.ADMIN).status()).isEqualTo(200);
    }

    static int instanceAnswers(String accessToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                ConnectionTestResource.emulator().baseUrl() + "/api/now/table/incident?sysparm_limit=1"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
