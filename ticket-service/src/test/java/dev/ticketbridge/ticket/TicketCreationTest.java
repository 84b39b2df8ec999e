package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.ticketbridge.contracts.events.ChangeType;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.logging.CapturedLogs;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.persistence.TenantConnection;
import dev.ticketbridge.ticket.support.Shares;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class TicketCreationTest {

    @Test
    void changeRequestCarriesTheTaskAndTheActionInServiceNowFields() {
        ShareRequested share = Shares.change("tenant-change").priority(Priority.HIGH).build();
        KafkaTestClient.publish(share);

        TicketCreated created = awaitCreated(share.shareId());

        List<Map<String, Object>> records = records(share);
        assertThat(records).hasSize(1);
        Map<String, Object> record = records.get(0);
        assertThat(record).containsEntry("short_description",
                        "Microsoft 365 Security and Configuration Change Request: Separate administrative accounts")
                .containsEntry("due_date", share.task().dueDate() + " 23:59:59")
                .containsEntry("priority", "2")
                .containsEntry("impact", "1")
                .containsEntry("risk", "3")
                .containsEntry("type", "normal")
                .containsEntry("category", "Identity")
                .containsEntry("correlation_id", share.shareId().toString())
                .containsEntry("correlation_display", "Ticketbridge");
        assertThat(record.get("description").toString()).startsWith("Move every admin role to a cloud-only account.")
                .contains("Improvement action: Ensure Administrative accounts are separate and cloud-only",
                        "Action ID: aad_admin_accounts_separate_unassigned_cloud_only", "Category: Identity",
                        "Source: Microsoft recommendation", "Max score: 3", "Action URL: https://learn.microsoft.com/",
                        "Requested by: admin@tenant-change", "Share ID: " + share.shareId());

        assertThat(created.ticketType()).isEqualTo(TicketType.CHANGE_REQUEST);
        assertThat(created.sysId()).isEqualTo(record.get("sys_id"));
        assertThat(created.number()).isEqualTo(record.get("number")).startsWith("CHG");
        assertThat(created.recordUrl()).isEqualTo(emulator().baseUrl() + "/change_request.do?sys_id=" + created.sysId());
        assertThat(created.state().code()).isEqualTo("-5");
        assertThat(created.state().label()).isEqualTo("New");
    }

    @Test
    void incidentPriorityIsSentAsTheImpactAndUrgencyServiceNowTurnsIntoIt() {
        List<ShareRequested> shares = Arrays.stream(Priority.values())
                .map(p -> Shares.incident("tenant-incident").priority(p).build()).toList();
        shares.forEach(KafkaTestClient::publish);

        for (ShareRequested share : shares) {
            TicketCreated created = awaitCreated(share.shareId());
            Map<String, Object> record = records(share).get(0);
            assertThat(record.get("priority")).as("priority of %s", share.task().priority())
                    .isEqualTo(Integer.toString(share.task().priority().code()));
            assertThat(record).containsEntry("correlation_display", "Ticketbridge").doesNotContainKey("risk");
            assertThat(created.number()).startsWith("INC");
            assertThat(created.state().code()).isEqualTo("1");
            assertThat(created.state().label()).isEqualTo("New");
        }
    }

    @Test
    void emergencyChangeIsCreatedAsAnEmergencyChange() {
        ShareRequested share = Shares.change("tenant-change").changeType(ChangeType.EMERGENCY).build();
        KafkaTestClient.publish(share);

        awaitCreated(share.shareId());

        assertThat(records(share).get(0)).containsEntry("type", "emergency");
    }

    @Test
    void initialStateIsLabelledWithTheTenantsOwnStateName() {
        String tenant = "tenant-labels-" + UUID.randomUUID();
        KafkaTestClient.publish(new ConnectionChanged(UUID.randomUUID(), ConnectionChanged.VERSION,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), tenant, ConnectionStatus.CONNECTED,
                emulator().baseUrl(), Map.of("incident", Map.of("1", "Triage")), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TenantConnection.findById(tenant) != null));
        ShareRequested share = Shares.incident(tenant).build();
        KafkaTestClient.publish(share);

        assertThat(awaitCreated(share.shareId()).state().label()).isEqualTo("Triage");
    }

    @Test
    void metricsShowConsumedCreatedAndServiceNowCalls() {
        ShareRequested share = Shares.incident("tenant-metrics").build();
        KafkaTestClient.publish(share);
        awaitCreated(share.shareId());

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ticketbridge_shares_consumed_total"),
                        containsString("ticketbridge_tickets_created_total{table=\"incident\"}"),
                        containsString("ticketbridge_servicenow_calls_total{operation=\"create\",status=\"201\"}"),
                        containsString("ticketbridge_shares_in_flight{tenant=\"tenant-metrics\"}"));
    }

    @Test
    void linesLoggedWhileCreatingCarryTheTenantAndTheShare() {
        ShareRequested share = Shares.incident("tenant-logs").build();
        try (CapturedLogs logs = CapturedLogs.of("dev.ticketbridge.ticket")) {
            KafkaTestClient.publish(share);
            awaitCreated(share.shareId());

            assertThat(logs.lines()).filteredOn(line -> line.message().startsWith("Created incident INC"))
                    .anySatisfy(line -> assertThat(line.mdc()).containsEntry("tenantId", "tenant-logs")
                            .containsEntry("shareId", share.shareId().toString()));
        }
    }

    @Test
    void theSameShareDeliveredAgainMakesNoSecondRecordAndOneCallPerTicket() {
        ShareRequested share = Shares.incident("tenant-redelivery").build();
        long creates = emulator().requestCount("POST", "/api/now/table/incident");
        long lookups = emulator().requestCount("GET", "/api/now/table/incident");
        KafkaTestClient.publish(share);
        KafkaTestClient.publish(share);
        awaitCreated(share.shareId());
        KafkaTestClient.publish(Shares.redelivered(share));
        ShareRequested marker = Shares.incident("tenant-redelivery").build();
        KafkaTestClient.publish(marker);

        awaitCreated(marker.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(emulator().requestCount("POST", "/api/now/table/incident") - creates).isEqualTo(2);
        assertThat(emulator().requestCount("GET", "/api/now/table/incident") - lookups).isZero();
    }
}
