package dev.ticketbridge.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.emulator.Tables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CapacityTest {

    private static final int RECORDS = 100_000;

    @Inject
    TableService tables;

    @Inject
    EmulatorLifecycle lifecycle;

    @BeforeEach
    @AfterEach
    void reset() {
        lifecycle.reset(false);
    }

    @Test
    void storeHolds100000RecordsWrittenConcurrentlyAndQueriesThem() {
        IntStream.range(0, RECORDS).parallel().forEach(i -> tables.create(Tables.INCIDENT,
                Map.of("short_description", "Ticket " + i, "correlation_id", "share-" + i,
                        "impact", Integer.toString(i % 3 + 1)), DemoSeed.INTEGRATION_USER));

        Page page = tables.list(Tables.INCIDENT, "ORDERBYDESCnumber", Map.of(), 0, 1);
        assertThat(page.total()).isEqualTo(RECORDS);
        assertThat(page.records().get(0).get("number")).isEqualTo("INC0110000");
        assertThat(tables.list(Tables.INCIDENT, "correlation_id=share-76543", Map.of(), 0, 10).records())
                .singleElement().satisfies(r -> assertThat(r.get("short_description")).isEqualTo("Ticket 76543"));
        assertThat(tables.list(Tables.INCIDENT, "impact=1^ORimpact=2", Map.of(), 0, 1).total())
                .isEqualTo(RECORDS / 3 * 2 + 1);
    }
}
