package dev.ticketbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.sync.fixtures.Emulator;
import dev.ticketbridge.sync.fixtures.Events;
import dev.ticketbridge.sync.fixtures.Tracking;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.logging.CapturedLogs;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StateChangePollingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);

    private final Emulator emulator = Emulator.shared();

    @Inject
    MeterRegistry meters;

    @Test
    void agentStateChangeAppearsAsExactlyOneTicketUpdatedWithTheTenantsLabel() {
        String tenant = "tenant-label-" + UUID.randomUUID();
        Tracking.connect(Events.connection(tenant, ConnectionStatus.CONNECTED, emulator.baseUrl(),
                Map.of("incident", Map.of("2", "Being fixed", "3", "Parked"))));
        TicketCreated ticket = Tracking.track(tenant, emulator, TicketType.INCIDENT, 1).get(0);
        Tracking.awaitCycle(tenant);

        emulator.agentSetsState("incident", ticket.sysId(), "2");
        TicketUpdated first = Events.updatesOf(tenant, u -> !u.isEmpty(), DEADLINE).get(0);
        emulator.agentSetsState("incident", ticket.sysId(), "3");
        List<TicketUpdated> updates = Events.updatesOf(tenant, u -> u.stream().anyMatch(e -> e.state().code().equals("3")),
                DEADLINE);

        assertThat(first.shareId()).isEqualTo(ticket.shareId());
        assertThat(first.state().code()).isEqualTo("2");
        assertThat(first.state().label()).isEqualTo("Being fixed");
        assertThat(first.previousState().code()).isEqualTo("1");
        assertThat(first.previousState().label()).isEqualTo("New");
        assertThat(first.closed()).isFalse();
        assertThat(updates).extracting(u -> u.state().code()).containsExactly("2", "3");
        assertThat(updates.get(1).state().label()).isEqualTo("Parked");
        assertThat(updates.get(1).sysModCount()).isGreaterThan(first.sysModCount());
    }

    @Test
    void closingATicketIsPublishedAsClosed() {
        String tenant = "tenant-close-" + UUID.randomUUID();
        Tracking.connect(Events.connected(tenant, emulator));
        TicketCreated ticket = Tracking.track(tenant, emulator, TicketType.INCIDENT, 1).get(0);
        Tracking.awaitCycle(tenant);
        double polls = polls();

        emulator.agentSetsState("incident", ticket.sysId(), "7");

        TicketUpdated closed = Events.updatesOf(tenant, u -> !u.isEmpty(), DEADLINE).get(0);
        assertThat(closed.state().label()).isEqualTo("Closed");
        assertThat(closed.closed()).isTrue();
        assertThat(polls()).as("Table API polls answered 200").isGreaterThan(polls);
        assertThat(meters.find("ticketbridge.sync.records.changed").tag("tenant", tenant).counters().stream()
                .mapToDouble(Counter::count).sum()).isEqualTo(1);
        assertThat(meters.find("ticketbridge.sync.lag").tag("table", "incident").timer().count()).isPositive();
    }

    @Test
    void linesLoggedDuringATenantsCycleCarryTheTenant() {
        String tenant = "tenant-logs-" + UUID.randomUUID();
        try (CapturedLogs logs = CapturedLogs.of("dev.ticketbridge.sync.service.PollScheduler", Level.FINE)) {
            Tracking.connect(Events.connected(tenant, emulator));
            Tracking.track(tenant, emulator, TicketType.INCIDENT, 1);
            Tracking.awaitCycle(tenant);

            await().atMost(DEADLINE).untilAsserted(() -> assertThat(logs.lines())
                    .filteredOn(line -> line.message().startsWith("Polling cycle done"))
                    .anySatisfy(line -> assertThat(line.mdc()).containsEntry("tenantId", tenant)));
        }
    }

    @Test
    void recordsThatAreNotTrackedAreIgnored() {
        String tenant = "tenant-untracked-" + UUID.randomUUID();
        Tracking.connect(Events.connected(tenant, emulator));
        TicketCreated tracked = Tracking.track(tenant, emulator, TicketType.CHANGE_REQUEST, 1).get(0);
        Emulator.Created foreign = emulator.create("change_request", "created by another deployment");
        Tracking.awaitCycle(tenant);

        emulator.agentSetsState("change_request", foreign.sysId(), "-4");
        emulator.agentSetsState("change_request", tracked.sysId(), "-4");

        List<TicketUpdated> updates = Events.updatesOf(tenant, u -> !u.isEmpty(), DEADLINE);
        Tracking.awaitCycle(tenant);
        assertThat(Events.updatesOf(tenant, u -> !u.isEmpty(), DEADLINE))
                .extracting(TicketUpdated::sysId).containsExactly(tracked.sysId());
        assertThat(updates.get(0).state().label()).isEqualTo("Assess");
    }

    private double polls() {
        return meters.find("ticketbridge.servicenow.calls").tags("operation", "poll", "status", "200").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** 250 changes made in a burst share a few seconds between them, across pages of 100. */
    @Test
    void manyChangesSharingOneSecondAcrossPageBoundariesArePublishedOnceEach() {
        String tenant = "tenant-boundary-" + UUID.randomUUID();
        Tracking.connect(Events.connected(tenant, emulator));
        List<TicketCreated> tickets = Tracking.track(tenant, emulator, TicketType.INCIDENT, 250);
        Tracking.awaitCycle(tenant);

        tickets.parallelStream().forEach(t -> emulator.agentSetsState("incident", t.sysId(), "2"));
        Events.updatesOf(tenant, u -> u.size() >= tickets.size(), DEADLINE);
        TicketCreated marker = tickets.get(0);
        emulator.agentSetsState("incident", marker.sysId(), "3");
        List<TicketUpdated> updates = Events.updatesOf(tenant,
                u -> u.stream().anyMatch(e -> e.state().code().equals("3")), DEADLINE);

        List<TicketUpdated> toInProgress = updates.stream().filter(u -> u.state().code().equals("2")).toList();
        Set<String> distinct = toInProgress.stream().map(TicketUpdated::sysId).collect(Collectors.toSet());
        assertThat(toInProgress).hasSize(tickets.size());
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(tickets.stream().map(TicketCreated::sysId).toList());
    }
}
