package dev.ticketbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant's whole life through the public surfaces: connect through ServiceNow's consent, check the connection,
 * share a change request and an incident, follow a state change made by a ServiceNow agent back to the API, rename
 * a state, remove the connection and provision it again.
 */
class TenantLifecycleTest {

    @Test
    void tenantConnectsSharesTracksRenamesRemovesAndReconnects() {
        Gateway admin = Gateway.as(Identity.ADMIN);
        ServiceNowEmulator emulator = Journeys.emulator();

        Gateway.Answer callback = Journeys.connect(admin);
        assertThat(callback.status()).isBetween(300, 399);
        assertThat(callback.location()).hasValueSatisfying(l -> assertThat(l).contains("authorized=true"));

        JsonNode check = admin.post("/api/v1/connection/check", Map.of()).expect(200).body();
        assertThat(check.path("ok").asBoolean()).as("connection check %s", check).isTrue();

        String change = Journeys.share(admin, "CHANGE_REQUEST", "Separate admin accounts " + UUID.randomUUID());
        String incident = Journeys.share(admin, "INCIDENT", "Block legacy authentication " + UUID.randomUUID());
        JsonNode changeView = Journeys.awaitCreated(admin, change);
        JsonNode incidentView = Journeys.awaitCreated(admin, incident);
        assertThat(changeView.path("number").asText()).startsWith("CHG");
        assertThat(incidentView.path("number").asText()).startsWith("INC");

        List<Map<String, Object>> records = emulator.records("incident", "correlation_id=" + incident);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("correlation_display", "Ticketbridge")
                .containsEntry("number", incidentView.path("number").asText());
        assertThat(emulator.records("change_request", "correlation_id=" + change)).hasSize(1);

        emulator.setState("incident", records.get(0).get("sys_id").toString(), "2");
        TicketUpdated updated = KafkaTestClient.awaitEvent(Topics.TICKET_EVENTS, TicketUpdated.class,
                e -> e.shareId().toString().equals(incident) && "2".equals(e.state().code()));
        assertThat(updated.previousState().code()).isEqualTo("1");
        await().atMost(Journeys.DEADLINE).until(() -> "2".equals(
                admin.get("/api/v1/shares/" + incident).body().path("state").path("code").asText()));

        admin.put("/api/v1/connection/state-names", Map.of("renames", Map.of("incident", Map.of("2", "Being fixed"))))
                .expect(200);
        await().atMost(Journeys.DEADLINE).until(() -> "Being fixed".equals(
                admin.get("/api/v1/shares/" + incident).body().path("state").path("label").asText()));

        long revocationsBefore = emulator.requestCount("POST", "/oauth_revoke_token.do");
        assertThat(admin.delete("/api/v1/connection").status()).isBetween(200, 204);
        await().atMost(Journeys.DEADLINE).until(() -> !"CONNECTED".equals(
                admin.get("/api/v1/connection").body().path("status").asText()));
        assertThat(emulator.requestCount("POST", "/oauth_revoke_token.do")).isGreaterThan(revocationsBefore);

        Journeys.connect(admin);
        String again = Journeys.share(admin, "INCIDENT", "After re-provisioning " + UUID.randomUUID());
        assertThat(Journeys.awaitCreated(admin, again).path("number").asText()).startsWith("INC");
    }

    @Test
    void readerSeesTicketsButCannotShareOrManage() {
        Gateway reader = Gateway.as(Identity.READER);
        assertThat(reader.get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/shares", Map.of()).status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/connection").status()).isEqualTo(403);
    }

    @Test
    void anotherTenantNeverSeesThisTenantsShare() {
        Gateway admin = Gateway.as(Identity.ADMIN);
        if (!"CONNECTED".equals(admin.get("/api/v1/connection").body().path("status").asText())) {
            Journeys.connect(admin);
        }
        String share = Journeys.share(admin, "CHANGE_REQUEST", "Private to Contoso " + UUID.randomUUID());
        Gateway other = Gateway.as(Identity.OTHER_TENANT_ADMIN);

        assertThat(other.get("/api/v1/shares/" + share).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/tickets?text=Contoso").body().path("items")).isEmpty();
    }
}
