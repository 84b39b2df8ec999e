package dev.ticketbridge.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.sync.fixtures.Emulator;
import dev.ticketbridge.sync.fixtures.Events;
import dev.ticketbridge.sync.fixtures.Tracking;
import dev.ticketbridge.sync.service.Reconciler;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ReconciliationTest {

    @Inject
    Reconciler reconciler;

    @Inject
    MeterRegistry registry;

    private final Emulator emulator = Emulator.shared();

    /**
     * The record changes, the watermark moves past that change, and only then does tracking learn of the record
     * (with its stale creation state): polling will never re-read it, the sweep must.
     */
    @Test
    void sweepPublishesAChangeTheWatermarkAlreadyPassedAndCountsTheCorrection() throws Exception {
        String tenant = "tenant-sweep-" + UUID.randomUUID();
        Tracking.connect(Events.connected(tenant, emulator));
        Emulator.Created record = emulator.create("incident", tenant + "-late");
        emulator.agentSetsState("incident", record.sysId(), "2");
        String changedOn = ServiceNowTime.format(record.sysUpdatedOn().plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            emulator.create("incident", tenant + "-filler");
            String watermark = given().get("/sync/v1/tenants/{tenant}/health", tenant).then().statusCode(200)
                    .extract().path("watermarks.incident");
            return watermark != null && watermark.compareTo(changedOn) > 0;
        });
        TicketCreated stale = new TicketCreated(UUID.randomUUID(), TicketCreated.VERSION, record.sysUpdatedOn(),
                tenant, UUID.randomUUID(), TicketType.INCIDENT, record.sysId(), record.number(),
                "https://example.invalid/" + record.sysId(), new TicketState("1", "New"), 0, record.sysUpdatedOn());
        Events.publish(stale);
        Tracking.awaitTracked(tenant, 1);

        Reconciler.SweepResult sweep = reconciler.sweep(tenant);

        assertThat(sweep.corrected()).isEqualTo(1);
        assertThat(sweep.missing()).isZero();
        TicketUpdated corrected = Events.updatesOf(tenant, u -> !u.isEmpty(), Duration.ofSeconds(20)).get(0);
        assertThat(corrected.sysId()).isEqualTo(record.sysId());
        assertThat(corrected.state().code()).isEqualTo("2");
        Counter counter = registry.find("ticketbridge.sync.reconciliation.corrected").tag("tenant", tenant).counter();
        assertThat(counter.count()).isEqualTo(1.0);
        assertThat(reconciler.sweep(tenant).corrected()).isZero();
    }
}
