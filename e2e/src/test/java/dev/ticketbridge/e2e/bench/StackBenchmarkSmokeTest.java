package dev.ticketbridge.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stack benchmark's measuring parts working in every build: a B1 run of 20 shares through the API, a B3
 * run moving 5 of them to another state in ServiceNow, and a footprint reading, checked for outcomes only (every share
 * created with a number, every change seen in the read model, every process measured), never for timings.
 */
class StackBenchmarkSmokeTest {

    @Test
    void aSmallShareRunCreatesEveryShareItMeasures() {
        AdminSession session = new AdminSession();
        Journeys.ensureConnected(session.api(), E2eStack.get().emulatorUrl());

        ShareRun.Outcome outcome = ShareRun.run(session, "smoke", 20, 4, Duration.ofMillis(250), Journeys.DEADLINE.multipliedBy(3),
                System.out::println);

        assertThat(outcome.accepted()).as("refusals %s", outcome.refusals()).isEqualTo(20);
        assertThat(outcome.created()).isEqualTo(20);
        assertThat(outcome.withoutNumber()).isZero();
        assertThat(outcome.acceptToNumber().count()).isEqualTo(20);

        StateChangeRun.Result changes = StateChangeRun.run(session,
                ServiceNowEmulator.attach(E2eStack.get().emulatorUrl()), outcome.tag(), 5, Duration.ofMillis(100),
                Duration.ofMillis(250), Journeys.DEADLINE.multipliedBy(3), System.out::println);
        assertThat(changes.changed()).isEqualTo(5);
        assertThat(changes.seen()).as("changes seen in the read model").isEqualTo(5);
        assertThat(changes.lag().count()).isEqualTo(5);

        assertThat(Footprint.residentMiB(E2eStack.get())).allSatisfy((process, mib) ->
                assertThat(mib).as("resident memory of %s", process).isPositive());
    }
}
