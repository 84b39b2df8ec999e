package dev.ticketbridge.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ServiceNow administrator revokes the integration user's tokens in the middle of a run (Manage Tokens). The
 * next call answers 401, the refresh is refused (invalid_grant), the connection becomes NEEDS_REAUTHORIZATION and the
 * shares still to create are parked — not failed. Once the administrator authorises again, the connection is
 * CONNECTED and every parked share is created, exactly once.
 */
class RevokedTokenTest {

    private static final int SHARES = 60;

    @AfterEach
    void connectedAgain() {
        Journeys.ensureConnected(Gateway.as(Identity.ADMIN), FaultStack.get().emulatorUrl());
    }

    @Test
    void sharesWaitParkedForReauthorisationAndAreThenCreated() throws InterruptedException {
        LocalStack stack = FaultStack.get();
        Gateway admin = Gateway.as(Identity.ADMIN);
        Journeys.ensureConnected(admin, stack.emulatorUrl());
        ServiceNowEmulator instance = FaultStack.firstInstance();
        Ledger ledger = new Ledger(admin, instance);
        String label = "Revoked grant " + UUID.randomUUID();
        double parkedBefore = FaultStack.metric(stack.ports().ticket(), "ticketbridge_shares_parked_total");

        Burst burst = Burst.start(admin, ledger, SHARES, 8, label);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.createdInServiceNow() >= SHARES / 6);
        instance.revokeTokens(ServiceNowEmulator.INTEGRATION_USER);
        long revoked = System.nanoTime();
        burst.awaitSent(Duration.ofMinutes(2));
        // Shares made after the revocation, so some are surely left to park whatever the pace of the first ones.
        Burst later = Burst.start(admin, ledger, 10, 4, label + " after revocation");
        later.awaitSent(Duration.ofMinutes(1));
        assertThat(burst.refusedTotal() + later.refusedTotal()).as("answers other than 202").isZero();

        await().atMost(Duration.ofMinutes(2)).until(() -> "NEEDS_REAUTHORIZATION".equals(
                admin.get("/api/v1/connection").body().path("status").asText()));
        double noticed = FaultStack.seconds(revoked);
        await().atMost(Duration.ofMinutes(1)).until(() ->
                FaultStack.metric(stack.ports().ticket(), "ticketbridge_shares_parked_total") > parkedBefore);
        long waiting = ledger.size() - ledger.createdInServiceNow();
        assertThat(waiting).as("shares waiting for the connection").isPositive();
        assertThat(ledger.readModel().values()).as("shares while the connection needs re-authorisation")
                .noneMatch(view -> "FAILED".equals(view.path("status").asText()));

        long reconnect = System.nanoTime();
        Journeys.connect(admin, stack.emulatorUrl());
        ledger.verify(Duration.ofMinutes(2));
        System.out.printf("[fault] revoked grant: NEEDS_REAUTHORIZATION %.1f s after the revocation; %d of %d shares"
                + " waiting for the connection, none failed; all created once %.1f s after authorising again%n", noticed, waiting,
                ledger.size(), FaultStack.seconds(reconnect));
        burst.close();
        later.close();
    }
}
