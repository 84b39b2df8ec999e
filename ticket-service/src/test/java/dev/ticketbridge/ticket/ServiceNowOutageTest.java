package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.awaitFailed;
import static dev.ticketbridge.ticket.support.Tickets.awaitRegistration;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.client.TokenCache;
import dev.ticketbridge.ticket.support.Meters;
import dev.ticketbridge.ticket.support.Shares;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ServiceNow failing for a while: 5xx, an instance that hangs, a hibernating instance. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ServiceNowOutageTest {

    private static final String CHANGES = "/api/now/table/change_request";

    @Inject
    MeterRegistry meters;

    @Inject
    TokenCache tokens;

    @AfterEach
    void clearFaults() {
        emulator().clearFaults();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilServiceNowRecovers() {
        emulator().fault("errors", Map.of("status", 500, "count", 2, "path_prefix", CHANGES));
        double answered500 = Meters.serviceNowAnswers(meters, 500);
        ShareRequested share = Shares.change("tenant-outage").build();
        KafkaTestClient.publish(share);

        TicketCreated created = awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(records(share).get(0)).containsEntry("sys_id", created.sysId());
        assertThat(Meters.serviceNowAnswers(meters, 500) - answered500).isEqualTo(2);
        assertThat(Meters.count(meters, "ticketbridge.servicenow.retries", "cause", "unavailable")).isPositive();
    }

    @Test
    void serviceUnavailableThatNeverEndsFailsTheShareAfterTheAttemptBound() {
        emulator().fault("errors", Map.of("status", 503, "path_prefix", CHANGES));
        ShareRequested share = Shares.change("tenant-outage").build();
        KafkaTestClient.publish(share);

        TicketCreationFailed failed = awaitFailed(share.shareId());

        assertThat(failed.reason()).isEqualTo(FailureReason.SERVICENOW_UNAVAILABLE);
        assertThat(failed.httpStatus()).isEqualTo(503);
        assertThat(failed.attempts()).isGreaterThanOrEqualTo(4);
        assertThat(failed.message()).contains("503");
        assertThat(records(share)).isEmpty();
    }

    @Test
    void hangingInstanceIsAbandonedAtTheClientTimeoutAndRetried() {
        emulator().fault("hang", Map.of("ms", 10_000, "count", 2, "path_prefix", CHANGES));
        double timeouts = Meters.count(meters, "ticketbridge.servicenow.calls", "status", "timeout");
        ShareRequested share = Shares.change("tenant-outage").build();
        KafkaTestClient.publish(share);

        awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(Meters.count(meters, "ticketbridge.servicenow.calls", "status", "timeout") - timeouts)
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void hibernationPageIsAFailureAndTheShareIsCreatedOnceTheInstanceWakes() {
        ShareRequested share = Shares.change("tenant-hibernating").build();
        tokens.get(share.tenantId());
        emulator().fault("hibernation", Map.of());
        KafkaTestClient.publish(share);

        awaitRegistration(share.shareId(), row -> row.attempts >= 2 && row.hibernatingSince != null);
        assertThat(records(share)).isEmpty();
        emulator().clearFault("hibernation");

        TicketCreated created = awaitCreated(share.shareId());
        assertThat(records(share)).hasSize(1);
        assertThat(records(share).get(0)).containsEntry("sys_id", created.sysId());
    }

    @Test
    void instanceHibernatingLongerThanTheWindowFailsTheShare() {
        ShareRequested share = Shares.change("tenant-hibernating").build();
        tokens.get(share.tenantId());
        emulator().fault("hibernation", Map.of());
        KafkaTestClient.publish(share);

        TicketCreationFailed failed = awaitFailed(share.shareId());

        assertThat(failed.reason()).isEqualTo(FailureReason.SERVICENOW_UNAVAILABLE);
        assertThat(failed.message()).contains("hibernating");
        assertThat(failed.httpStatus()).isEqualTo(200);
    }
}
