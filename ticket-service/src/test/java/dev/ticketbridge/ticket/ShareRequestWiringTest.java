package dev.ticketbridge.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.SampleEvents;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ShareRequestWiringTest {

    @Test
    void shareRequestedOnTheRealBrokerLandsInTheRegistry() {
        UUID shareId = UUID.randomUUID();
        KafkaTestClient.publish(SampleEvents.shareRequested("tenant-wiring", shareId, TicketType.INCIDENT));

        ShareRegistration row = await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ShareRegistration.<ShareRegistration>findById(shareId)),
                        r -> r != null);

        assertThat(row.tenantId).isEqualTo("tenant-wiring");
        assertThat(row.ticketType).isEqualTo("INCIDENT");
        assertThat(row.request).contains(shareId.toString());
    }

    @Test
    void redeliveredShareRequestIsRegisteredOnce() {
        ShareRequested request = SampleEvents.shareRequested("tenant-wiring");
        KafkaTestClient.publish(request);
        KafkaTestClient.publish(request);
        ShareRequested marker = SampleEvents.shareRequested("tenant-wiring");
        KafkaTestClient.publish(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ShareRegistration.findById(marker.shareId()) != null));
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> ShareRegistration.count("shareId", request.shareId()));
        assertThat(rows).isEqualTo(1);
    }
}
