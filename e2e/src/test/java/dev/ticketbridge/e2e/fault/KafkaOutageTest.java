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
 * The Kafka broker stops (gently: SIGTERM) in the middle of a burst of 200 shares and comes back some seconds
 * later with its data. The gateway writes a share and its ShareRequested in one database transaction (outbox), so
 * it keeps accepting shares while the broker is away; they must all reach ServiceNow once the broker is back, each
 * exactly once. A share the API did not accept (any answer but 202, or none) is not the product's to create: those
 * are counted apart and printed. None is expected, and none was seen: the gateway answered 202 to every one of the
 * 200 shares, including the 60+ sent while the broker was down (their events wait in the gateway's outbox).
 */
class KafkaOutageTest {

    private static final int BEFORE = 100;
    private static final int DURING = 60;
    private static final int AFTER = 40;
    private static final Duration LEAST_OUTAGE = Duration.ofSeconds(10);

    @AfterEach
    void brokerRunsAgain() {
        if (!FaultStack.alive("kafka")) {
            FaultStack.restart("kafka");
        }
    }

    @Test
    void sharesAcceptedWhileTheBrokerIsDownAreCreatedOnceItIsBack() throws InterruptedException {
        LocalStack stack = FaultStack.get();
        Gateway admin = Gateway.as(Identity.ADMIN);
        Journeys.ensureConnected(admin, stack.emulatorUrl());
        Ledger ledger = new Ledger(admin, FaultStack.firstInstance());
        String label = "Broker outage " + UUID.randomUUID();

        long begin = System.nanoTime();
        Burst before = Burst.start(admin, ledger, BEFORE, 8, label + " before");
        await().atMost(Duration.ofMinutes(2)).until(() -> before.answered() >= BEFORE / 2);
        stack.stop("kafka");
        long down = System.nanoTime();
        before.awaitSent(Duration.ofMinutes(2));

        Burst during = Burst.start(admin, ledger, DURING, 8, label + " during");
        during.awaitSent(Duration.ofMinutes(2));
        int acceptedWhileDown = ledger.size();
        long createdWhileDown = ledger.createdInServiceNow();
        await("the outage's least length").atMost(LEAST_OUTAGE.plusSeconds(5))
                .until(() -> FaultStack.seconds(down) >= LEAST_OUTAGE.toSeconds());
        Duration restart = FaultStack.restart("kafka");
        double outage = FaultStack.seconds(down);

        Burst after = Burst.start(admin, ledger, AFTER, 8, label + " after");
        after.awaitSent(Duration.ofMinutes(2));

        // What the API answered: 202 for every share, before, during and after the outage.
        System.out.printf("[fault] broker outage: refused before %s, during %s, after %s%n", before.refused(),
                during.refused(), after.refused());
        int refused = before.refusedTotal() + during.refusedTotal() + after.refusedTotal();
        assertThat(ledger.size()).isEqualTo(BEFORE + DURING + AFTER - refused);
        assertThat(refused).as("shares the API did not accept").isZero();

        long backAt = System.nanoTime();
        ledger.verify(Duration.ofMinutes(3));
        System.out.printf("[fault] broker outage: %.1f s down (restart %.1f s); %d shares accepted by then, %d of them"
                + " in ServiceNow at the end of the sending while down; all %d created once %.1f s after the broker was"
                + " back%n", outage, restart.toMillis() / 1e3, acceptedWhileDown, createdWhileDown, ledger.size(),
                FaultStack.seconds(backAt));
        before.close();
        during.close();
        after.close();
    }
}
