package dev.ticketbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.SampleEvents;
import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RealInfrastructureTest {

    @Test
    void eventPublishedToTheBrokerIsReadBackWithItsCloudEventHeaders() {
        ShareRequested sent = SampleEvents.shareRequested("tenant-infra");
        KafkaTestClient.publish(sent);

        ShareRequested read = KafkaTestClient.awaitEvent(Topics.SHARE_REQUESTS, ShareRequested.class,
                e -> e.eventId().equals(sent.eventId()));

        assertThat(read).isEqualTo(sent);
    }

    @Test
    void eachNewDatabaseIsEmptyAndWritable() throws Exception {
        TestPostgres.Database first = TestPostgres.newDatabase("infra");
        TestPostgres.Database second = TestPostgres.newDatabase("infra");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());

        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id int primary key)");
            statement.execute("INSERT INTO probe VALUES (42)");
            try (ResultSet rows = statement.executeQuery("SELECT id FROM probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
             ResultSet tables = connection.getMetaData().getTables(null, "public", "probe", null)) {
            assertThat(tables.next()).as("second database must not see the first one's table").isFalse();
        }
    }
}
