package dev.ticketbridge.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ticket-service dies (SIGKILL, no shutdown) in the middle of a burst of 1,000 shares, once about 30 % of them are
 * in ServiceNow, and comes back with the same database. The shares it had claimed are in flight with an unknown
 * outcome; after their lease they are looked up by correlation_id before any new create. Every share must end as
 * exactly one record, CREATED in the read model.
 */
class TicketServiceCrashTest {

    private static final int SHARES = 1_000;

    @AfterEach
    void ticketServiceRunsAgain() {
        if (!FaultStack.alive("ticket-service")) {
            FaultStack.restart("ticket-service");
        }
    }

    @Test
    void everyShareOfABurstIsCreatedOnceAcrossAKillMinusNine() throws InterruptedException {
        LocalStack stack = FaultStack.get();
        Gateway admin = Gateway.as(Identity.ADMIN);
        Journeys.ensureConnected(admin, stack.emulatorUrl());
        Ledger ledger = new Ledger(admin, FaultStack.firstInstance());

        long begin = System.nanoTime();
        try (Burst burst = Burst.start(admin, ledger, SHARES, 8, "Crash burst " + UUID.randomUUID())) {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ledger.createdInServiceNow() >= SHARES * 3 / 10);
            long createdAtKill = ledger.createdInServiceNow();
            stack.kill("ticket-service");
            double killedAt = FaultStack.seconds(begin);
            Duration restart = FaultStack.restart("ticket-service");

            Duration sending = burst.awaitSent(Duration.ofMinutes(4));
            assertThat(burst.refused()).as("answers other than 202").isEmpty();
            assertThat(ledger.size()).isEqualTo(SHARES);

            ledger.verify(Duration.ofMinutes(4));
            double lookups = FaultStack.metric(stack.ports().ticket(), "ticketbridge_servicenow_calls_total",
                    "operation=\"lookup\"");
            System.out.printf("[fault] ticket-service kill -9: %d shares sent in %.1f s; killed at %.1f s with %d in"
                    + " ServiceNow; restart took %.1f s; %.0f look-ups by correlation_id after it; all %d created once,"
                    + " read model in step, %.1f s after the first share%n", SHARES, sending.toMillis() / 1e3, killedAt,
                    createdAtKill, restart.toMillis() / 1e3, lookups, SHARES, FaultStack.seconds(begin));
        }
    }
}
