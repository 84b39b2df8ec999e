package dev.ticketbridge.ticket;

import static dev.ticketbridge.ticket.support.Tickets.awaitCreated;
import static dev.ticketbridge.ticket.support.Tickets.emulator;
import static dev.ticketbridge.ticket.support.Tickets.records;
import static dev.ticketbridge.ticket.support.Tickets.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulatorResource;
import dev.ticketbridge.ticket.persistence.ShareRegistration;
import dev.ticketbridge.ticket.support.EmulatorAdmin;
import dev.ticketbridge.ticket.support.EmulatorTokenSource;
import dev.ticketbridge.ticket.support.Shares;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tenant being throttled by its instance must not hold up another tenant's shares. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceNowEmulatorResource.class, restrictToAnnotatedClass = false)
class TenantIsolationTest {

    @AfterEach
    void clearRateLimits() {
        EmulatorAdmin.clearRateLimits();
        emulator().settings(Map.of("rate_limit_window_seconds", 3600));
    }

    @Test
    void rateLimitedTenantDoesNotStallAnotherTenantsShares() {
        String throttled = "tenant-throttled-" + UUID.randomUUID();
        String flowing = "tenant-flowing-" + UUID.randomUUID();
        EmulatorTokenSource.actAs(throttled, EmulatorTokenSource.ABEL);
        EmulatorTokenSource.actAs(flowing, EmulatorTokenSource.INTEGRATION);
        emulator().settings(Map.of("rate_limit_window_seconds", 5));
        EmulatorAdmin.rateLimit(EmulatorTokenSource.ABEL.name(), 1);
        List<ShareRequested> slow = Stream.generate(() -> Shares.incident(throttled).build()).limit(4).toList();
        List<ShareRequested> fast = Stream.generate(() -> Shares.incident(flowing).build()).limit(10).toList();
        slow.forEach(KafkaTestClient::publish);
        fast.forEach(KafkaTestClient::publish);

        fast.forEach(share -> awaitCreated(share.shareId()));
        long slowDone = slow.stream()
                .filter(share -> registration(share.shareId()).status == ShareRegistration.Status.CREATED).count();
        assertThat(slowDone).as("throttled tenant's shares created while the other tenant's all went through")
                .isLessThan(slow.size());

        slow.forEach(share -> awaitCreated(share.shareId()));
        slow.forEach(share -> assertThat(records(share)).hasSize(1));
        fast.forEach(share -> assertThat(records(share)).hasSize(1));
    }
}
