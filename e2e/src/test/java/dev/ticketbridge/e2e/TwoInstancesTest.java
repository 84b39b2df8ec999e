package dev.ticketbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two tenants, each with its own ServiceNow instance, side by side in one deployment: Contoso on the stack's first
 * emulated instance, Fabrikam on the second. Both instances number their records from the same start, so the same
 * ticket number exists in both. Each tenant's records must exist only in its own instance, each read model must show
 * only its own shares, and a state change in one instance must reach only the tenant connected to it.
 */
class TwoInstancesTest {

    private static final Duration SYNC_DEADLINE = Duration.ofMinutes(3);

    /** One tenant of the test: its administrator, its instance, and the other instance it must never touch. */
    private record Tenant(String name, Gateway admin, ServiceNowEmulator own, ServiceNowEmulator other) {
    }

    @Test
    void eachTenantsTicketsLiveInItsOwnInstanceAndOnlyItsChangesReachIt() {
        ServiceNowEmulator first = ServiceNowEmulator.attach(E2eStack.get().emulatorUrl());
        ServiceNowEmulator second = ServiceNowEmulator.attach(E2eStack.get().secondEmulatorUrl());
        Tenant contoso = new Tenant("Contoso", Gateway.as(Identity.ADMIN), first, second);
        Tenant fabrikam = new Tenant("Fabrikam", Gateway.as(Identity.OTHER_TENANT_ADMIN), second, first);
        // Fabrikam first: moving it off the first instance revokes its grant there, which Contoso may share.
        Journeys.ensureConnected(fabrikam.admin(), second.baseUrl());
        Journeys.ensureConnected(contoso.admin(), first.baseUrl());

        String run = UUID.randomUUID().toString();
        Map<String, String> contosoShares = shareBoth(contoso, run);
        Map<String, String> fabrikamShares = shareBoth(fabrikam, run);

        for (Map.Entry<String, String> share : contosoShares.entrySet()) {
            assertOnlyInOwnInstance(contoso, share.getKey(), share.getValue());
        }
        for (Map.Entry<String, String> share : fabrikamShares.entrySet()) {
            assertOnlyInOwnInstance(fabrikam, share.getKey(), share.getValue());
        }
        assertSeesOnlyItsOwn(contoso, contosoShares, fabrikamShares, run);
        assertSeesOnlyItsOwn(fabrikam, fabrikamShares, contosoShares, run);

        String fabrikamIncident = shareOf(fabrikamShares, "incident");
        String contosoIncident = shareOf(contosoShares, "incident");
        changeStateAndExpectOnlyItsTenant(fabrikam, fabrikamIncident, contoso, contosoIncident, "2");
        changeStateAndExpectOnlyItsTenant(contoso, contosoIncident, fabrikam, fabrikamIncident, "3");
    }

    /** Shares an incident and a change request, waits for both; returns share id → table. */
    private static Map<String, String> shareBoth(Tenant tenant, String run) {
        String incident = Journeys.share(tenant.admin(), "INCIDENT", tenant.name() + " on its own instance " + run);
        String change = Journeys.share(tenant.admin(), "CHANGE_REQUEST", tenant.name() + " on its own instance " + run);
        Journeys.awaitCreated(tenant.admin(), incident);
        Journeys.awaitCreated(tenant.admin(), change);
        return Map.of(incident, "incident", change, "change_request");
    }

    private static void assertOnlyInOwnInstance(Tenant tenant, String shareId, String table) {
        List<Map<String, Object>> own = tenant.own().records(table, "correlation_id=" + shareId);
        assertThat(own).as("%s's %s %s in its own instance", tenant.name(), table, shareId).hasSize(1);
        assertThat(own.get(0).get("number")).as("number in the read model")
                .isEqualTo(tenant.admin().get("/api/v1/shares/" + shareId).body().path("number").asText());
        assertThat(tenant.other().records(table, "correlation_id=" + shareId))
                .as("%s's %s %s in the other instance", tenant.name(), table, shareId).isEmpty();
    }

    private static void assertSeesOnlyItsOwn(Tenant tenant, Map<String, String> own, Map<String, String> others,
            String run) {
        JsonNode listed = tenant.admin().get("/api/v1/tickets?size=50&text=" + Journeys.encode(run)).expect(200).body();
        List<String> shareIds = listed.path("items").findValuesAsText("shareId");
        assertThat(shareIds).as("%s's tickets of this run", tenant.name()).containsExactlyInAnyOrderElementsOf(own.keySet());
        for (String other : others.keySet()) {
            assertThat(tenant.admin().get("/api/v1/shares/" + other).status()).as("%s reading another tenant's share",
                    tenant.name()).isEqualTo(404);
        }
    }

    /**
     * An agent moves {@code tenant}'s incident to {@code state} in its instance; the change reaches that tenant (event
     * and read model) and leaves the other tenant's incident — whatever its number — where it was.
     */
    private static void changeStateAndExpectOnlyItsTenant(Tenant tenant, String shareId, Tenant bystander,
            String bystanderShareId, String state) {
        String bystanderState = bystander.admin().get("/api/v1/shares/" + bystanderShareId).body()
                .path("state").path("code").asText();
        Map<String, Object> record = tenant.own().records("incident", "correlation_id=" + shareId).get(0);
        tenant.own().setState("incident", String.valueOf(record.get("sys_id")), state);

        List<TicketUpdated> updates = KafkaTestClient.readUntil(Topics.TICKET_EVENTS, read -> read.stream()
                        .anyMatch(r -> eventOrNull(r) instanceof TicketUpdated u && u.shareId().toString().equals(shareId)
                                && state.equals(u.state().code())), SYNC_DEADLINE).stream()
                .map(TwoInstancesTest::eventOrNull).filter(e -> e instanceof TicketUpdated).map(TicketUpdated.class::cast)
                .toList();
        assertThat(updates).filteredOn(u -> u.shareId().toString().equals(shareId) && state.equals(u.state().code()))
                .allSatisfy(u -> assertThat(u.number()).isEqualTo(record.get("number")));
        assertThat(updates).as("updates of %s's incident", bystander.name())
                .noneMatch(u -> u.shareId().toString().equals(bystanderShareId) && state.equals(u.state().code()));
        await().atMost(SYNC_DEADLINE).until(() -> state.equals(
                tenant.admin().get("/api/v1/shares/" + shareId).body().path("state").path("code").asText()));
        assertThat(bystander.admin().get("/api/v1/shares/" + bystanderShareId).body().path("state").path("code")
                .asText()).as("%s's incident", bystander.name()).isEqualTo(bystanderState);
    }

    private static String shareOf(Map<String, String> shares, String table) {
        return shares.entrySet().stream().filter(e -> e.getValue().equals(table)).findFirst().orElseThrow().getKey();
    }

    private static Object eventOrNull(KafkaTestClient.Received record) {
        try {
            return record.event();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
