package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static dev.ticketbridge.ticket.support.Tickets.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.client.ServiceNowTableClient;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import dev.ticketbridge.ticket.service.TicketFields;
import dev.ticketbridge.ticket.support.Shares;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One record per share when an attempt's outcome is unknown: a crash before our commit, a timeout. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ExactlyOnceTest {

    private static final String INCIDENTS = "/api/now/table/incident";

    @Inject
    ServiceNowTableClient servicenow;

    @AfterEach
    void clearFaults() {
        emulator().clearFaults();
    }

    @Test
    void crashAfterServiceNowAnsweredButBeforeOurCommitLeavesOneRecord() {
        ShareRequested share = Shares.incident("tenant-crash").build();
        TicketRecord before = servicenow.create(share.tenantId(), "incident", TicketFields.of(share));
        leftInFlightByACrashedWorker(share);
        long creates = emulator().requestCount("POST", INCIDENTS);
        long lookups = emulator().requestCount("GET", INCIDENTS);

        TicketCreated created = awaitCreated(share.shareId());

        assertThat(created.sysId()).isEqualTo(before.sysId());
        assertThat(created.number()).isEqualTo(before.number());
        assertThat(records(share)).hasSize(1);
        assertThat(emulator().requestCount("POST", INCIDENTS) - creates).isZero();
        assertThat(emulator().requestCount("GET", INCIDENTS) - lookups).isEqualTo(1);
    }

    @Test
    void crashBeforeTheRequestReachedServiceNowCreatesTheRecordAfterALookUp() {
        ShareRequested share = Shares.incident("tenant-crash").build();
        leftInFlightByACrashedWorker(share);

        TicketCreated created = awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(records(share).get(0)).containsEntry("sys_id", created.sysId());
    }

    @Test
    void redeliveryAfterTheCrashIsRecognisedAndCreatesNothing() {
        ShareRequested share = Shares.incident("tenant-crash").build();
        servicenow.create(share.tenantId(), "incident", TicketFields.of(share));
        leftInFlightByACrashedWorker(share);
        KafkaTestClient.publish(share);
        KafkaTestClient.publish(Shares.redelivered(share));

        awaitCreated(share.shareId());
        ShareRequested marker = Shares.incident("tenant-crash").build();
        KafkaTestClient.publish(marker);
        awaitCreated(marker.shareId());

        assertThat(records(share)).hasSize(1);
    }

    @Test
    void timeoutWithUnknownOutcomeIsFollowedByALookUpAndStillOneRecord() {
        emulator().fault("hang", Map.of("ms", 3_500, "count", 1, "path_prefix", INCIDENTS));
        ShareRequested share = Shares.incident("tenant-timeout").build();
        long lookups = emulator().requestCount("GET", INCIDENTS);
        KafkaTestClient.publish(share);

        TicketCreated created = awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(records(share).get(0)).containsEntry("sys_id", created.sysId());
        assertThat(emulator().requestCount("GET", INCIDENTS) - lookups).isGreaterThanOrEqualTo(1);
        assertThat(registration(share.shareId()).attempts).isGreaterThanOrEqualTo(2);
    }

    /** The registry as a worker leaves it when the process dies during the call: in flight, lease run out. */
    private static void leftInFlightByACrashedWorker(ShareRequested share) {
        QuarkusTransaction.requiringNew().run(() -> {
            ShareRegistration row = new ShareRegistration();
            row.shareId = share.shareId();
            row.tenantId = share.tenantId();
            row.ticketType = share.ticketType().name();
            row.status = ShareRegistration.Status.IN_FLIGHT;
            row.requestedBy = share.requestedBy();
            row.receivedAt = Instant.now().minusSeconds(60);
            row.nextAttemptAt = row.receivedAt;
            row.leaseUntil = Instant.now().minusSeconds(1);
            row.attempts = 1;
            row.request = new String(EventCodec.toJson(share), StandardCharsets.UTF_8);
            row.persist();
        });
    }
}
