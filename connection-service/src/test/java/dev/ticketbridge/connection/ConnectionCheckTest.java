package dev.ticketbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConnectionTestResource.class, restrictToAnnotatedClass = false)
class ConnectionCheckTest {

    private final ServiceNowEmulator emulator = ConnectionTestResource.emulator();
    private String tenant;

    @BeforeEach
    void connectWithOneRecordPerTable() throws Exception {
        tenant = Tenants.fresh("check");
        Tenants.connector().connect(tenant, ConnectionTestResource.integrationUser());
        String token = Tenants.connector().send("GET", "/internal/v1/tenants/" + tenant + "/token", null).body()
                .path("accessToken").asText();
        for (String table : new String[] {"incident", "change_request"}) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/now/table/" + table))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"short_description\":\"check fixture\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @AfterEach
    void clearFaults() {
        emulator.clearFaults();
        emulator.clearFault("acl-insert/incident");
    }

    @Test
    void healthyConnectionPassesEveryItemAndReportsTheInstanceLabels() {
        JsonNode report = check();

        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(items(report)).containsKeys("token", "incident.read", "incident.create", "change_request.read",
                "change_request.create", "sys_choice.incident", "sys_choice.change_request", "oauth_entity", "state-labels");
        assertThat(report.path("stateNames").path("change_request").path("-5").asText()).isEqualTo("New");
    }

    @Test
    void hibernatingInstanceIsReportedWithWakeUpGuidance() {
        emulator.fault("hibernation", Map.of());

        JsonNode item = items(check()).get("instance");

        assertThat(item.path("ok").asBoolean()).isFalse();
        assertThat(item.path("guidance").asText()).contains("hibernating");
    }

    @Test
    void ipAccessControlIsReportedWithAllowRuleGuidance() {
        emulator.fault("ip-block", Map.of());

        JsonNode item = items(check()).get("instance");

        assertThat(item.path("ok").asBoolean()).isFalse();
        assertThat(item.path("guidance").asText()).contains("IP Address Access Control");
    }

    @Test
    void crossScopeRefusalOnTheApplicationRegistryIsReportedWithTheSettingToRestore() {
        emulator.fault("oauth-entity-cross-scope", Map.of());

        JsonNode item = items(check()).get("oauth_entity");

        assertThat(item.path("ok").asBoolean()).isFalse();
        assertThat(item.path("guidance").asText()).contains("All application scopes", "Can read");
    }

    @Test
    void missingCreateRightIsReportedWithRoleGuidanceAndNothingIsCreated() {
        int before = emulator.records("incident").size();
        emulator.fault("acl-insert/incident", Map.of());

        Map<String, JsonNode> items = items(check());

        assertThat(items.get("incident.create").path("ok").asBoolean()).isFalse();
        assertThat(items.get("incident.create").path("guidance").asText()).contains("integration user", "itil");
        assertThat(items.get("change_request.create").path("ok").asBoolean()).isTrue();
        assertThat(emulator.records("incident")).hasSize(before);
    }

    @Test
    void renamedStatesAreValidatedAndPublished() {
        TenantConnector connector = Tenants.connector();
        String path = "/internal/v1/tenants/" + tenant + "/connection/state-names";

        TenantConnector.Answer tooLong = connector.send("PUT", path, Map.of("renames",
                Map.of("incident", Map.of("2", "x".repeat(41), "99", "Unknown"))));
        TenantConnector.Answer empty = connector.send("PUT", path, Map.of("renames", Map.of("incident", Map.of("1", " "))));
        TenantConnector.Answer control = connector.send("PUT", path, Map.of("renames",
                Map.of("incident", Map.of("1", "New\u0000"))));
        TenantConnector.Answer renamed = connector.send("PUT", path, Map.of("renames",
                Map.of("incident", Map.of("2", "Being fixed"), "change_request", Map.of("-5", "Proposed"))));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").findValuesAsText("field")).contains("incident.2", "incident.99");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body().path("errors").findValuesAsText("field")).contains("incident.1");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().path("effective").path("incident").path("2").asText()).isEqualTo("Being fixed");
        assertThat(renamed.body().path("effective").path("incident").path("1").asText()).isEqualTo("New");
        dev.ticketbridge.testsupport.kafka.KafkaTestClient.awaitEvent(dev.ticketbridge.contracts.Topics.CONNECTION_EVENTS,
                dev.ticketbridge.contracts.events.ConnectionChanged.class,
                e -> e.tenantId().equals(tenant) && "Proposed".equals(e.labelFor("change_request", "-5")));
    }

    private JsonNode check() {
        TenantConnector.Answer answer = Tenants.connector().send("POST",
                "/internal/v1/tenants/" + tenant + "/connection/check", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, JsonNode> items(JsonNode report) {
        Map<String, JsonNode> items = new java.util.LinkedHashMap<>();
        report.path("items").forEach(item -> items.put(item.path("item").asText(), item));
        return items;
    }
}
