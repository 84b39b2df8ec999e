package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.awaitFailed;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketCreationFailed.FailureReason;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.support.EmulatorAdmin;
import dev.ticketbridge.ticket.support.EmulatorTokenSource;
import dev.ticketbridge.ticket.support.Meters;
import dev.ticketbridge.ticket.support.Shares;
import dev.ticketbridge.ticket.support.Tickets;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ServiceNow saying no: ACLs, rate limits, a token it no longer accepts. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class ServiceNowRefusalTest {

    @Inject
    MeterRegistry meters;

    @AfterEach
    void clearFaults() {
        emulator().clearFaults();
        EmulatorAdmin.clearRateLimits();
        emulator().settings(Map.of("rate_limit_window_seconds", 3600));
    }

    @Test
    void aclRefusalFailsTheShareAtOnceWithServiceNowsOwnMessage() {
        emulator().fault("acl-insert/incident", null);
        ShareRequested share = Shares.incident("tenant-acl").build();
        KafkaTestClient.publish(share);

        TicketCreationFailed failed = awaitFailed(share.shareId());

        assertThat(failed.reason()).isEqualTo(FailureReason.SERVICENOW_REJECTED);
        assertThat(failed.httpStatus()).isEqualTo(403);
        assertThat(failed.message()).isEqualTo("Operation Failed: ACL Exception Insert Failed due to security constraints");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(records(share)).isEmpty();
        assertThat(Meters.count(meters, "ticketbridge.tickets.failed", "reason", "SERVICENOW_REJECTED")).isPositive();
    }

    @Test
    void rateLimitIsWaitedOutAsRetryAfterSaysWithoutHammeringTheInstance() {
        String tenant = "tenant-throttled-headers";
        EmulatorTokenSource.actAs(tenant, EmulatorTokenSource.BETH);
        emulator().settings(Map.of("rate_limit_window_seconds", 3));
        EmulatorAdmin.rateLimit(EmulatorTokenSource.BETH.name(), 1);
        double limited = Meters.serviceNowAnswers(meters, 429);
        List<ShareRequested> shares = Stream.generate(() -> Shares.change(tenant).build()).limit(3).toList();
        shares.forEach(KafkaTestClient::publish);

        shares.forEach(share -> awaitCreated(share.shareId()));

        shares.forEach(share -> assertThat(records(share)).hasSize(1));
        double answered429 = Meters.serviceNowAnswers(meters, 429) - limited;
        assertThat(answered429).isPositive().isLessThanOrEqualTo(6);
    }

    @Test
    void rateLimitWithoutHeadersIsBackedOffOnOurOwn() {
        emulator().fault("errors", Map.of("status", 429, "count", 3, "path_prefix", "/api/now/table/incident"));
        double limited = Meters.serviceNowAnswers(meters, 429);
        ShareRequested share = Shares.incident("tenant-throttled-bare").build();
        KafkaTestClient.publish(share);

        awaitCreated(share.shareId());

        assertThat(records(share)).hasSize(1);
        assertThat(Meters.serviceNowAnswers(meters, 429) - limited).isEqualTo(3);
        assertThat(Tickets.registration(share.shareId()).attempts).isEqualTo(4);
    }

    @Test
    void tokenRevokedMidRunIsRefreshedOnceAndTheCallRetried() {
        String tenant = "tenant-token-expiry";
        EmulatorTokenSource.actAs(tenant, EmulatorTokenSource.ABEL);
        ShareRequested first = Shares.incident(tenant).build();
        KafkaTestClient.publish(first);
        awaitCreated(first.shareId());
        emulator().revokeTokens(EmulatorTokenSource.ABEL.name());
        int refreshes = EmulatorTokenSource.refreshes();
        double rejected = Meters.serviceNowAnswers(meters, 401);

        ShareRequested second = Shares.incident(tenant).build();
        KafkaTestClient.publish(second);
        awaitCreated(second.shareId());

        assertThat(records(second)).hasSize(1);
        assertThat(EmulatorTokenSource.refreshes() - refreshes).isEqualTo(1);
        assertThat(Meters.serviceNowAnswers(meters, 401) - rejected).isEqualTo(1);
        assertThat(Tickets.registration(second.shareId()).attempts).isEqualTo(1);
    }
}
