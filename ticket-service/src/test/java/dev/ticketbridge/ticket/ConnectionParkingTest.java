package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.awaitFailed;
import static dev.ticketbridge.ticket.support.Tickets.awaitRegistration;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static dev.ticketbridge.ticket.support.Tickets.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import dev.ticketbridge.ticket.support.EmulatorTokenSource;
import dev.ticketbridge.ticket.support.Shares;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tenants whose connection cannot give tokens: shares are kept, resumed on reconnection, failed after the wait. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ConnectionParkingTest {

    @Test
    void sharesOfATenantAwaitingReauthorisationAreParkedAndCreatedAfterItReconnects() {
        String tenant = "tenant-reauth-" + UUID.randomUUID();
        EmulatorTokenSource.disconnect(tenant, "NEEDS_REAUTHORIZATION");
        List<ShareRequested> shares = Stream.generate(() -> Shares.change(tenant).build()).limit(2).toList();
        shares.forEach(KafkaTestClient::publish);

        shares.forEach(share -> awaitRegistration(share.shareId(),
                row -> row.status == ShareRegistration.Status.PARKED));
        shares.forEach(share -> assertThat(records(share)).isEmpty());
        assertThat(registration(shares.get(0).shareId()).lastError).contains("NEEDS_REAUTHORIZATION");

        EmulatorTokenSource.reconnect(tenant);
        KafkaTestClient.publish(connected(tenant));

        shares.forEach(share -> awaitCreated(share.shareId()));
        shares.forEach(share -> assertThat(records(share)).hasSize(1));
    }

    @Test
    void sharesOfATenantWithoutConnectionFailAfterTheConfiguredWait() {
        String tenant = "tenant-unconnected-" + UUID.randomUUID();
        EmulatorTokenSource.disconnect(tenant, "NOT_CONNECTED");
        ShareRequested share = Shares.incident(tenant).build();
        KafkaTestClient.publish(share);

        TicketCreationFailed failed = awaitFailed(share.shareId());

        assertThat(failed.reason()).isEqualTo(FailureReason.CONNECTION_UNAVAILABLE);
        assertThat(failed.message()).contains("NOT_CONNECTED");
        assertThat(failed.attempts()).isZero();
        ShareRegistration row = registration(share.shareId());
        assertThat(Duration.between(row.parkedSince, row.completedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(records(share)).isEmpty();
    }

    private static ConnectionChanged connected(String tenant) {
        return new ConnectionChanged(UUID.randomUUID(), ConnectionChanged.VERSION,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), tenant, ConnectionStatus.CONNECTED, emulator().baseUrl(),
                Map.of(), null);
    }
}
