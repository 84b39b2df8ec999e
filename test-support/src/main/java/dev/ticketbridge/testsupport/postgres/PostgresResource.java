package dev.ticketbridge.testsupport.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test application its own fresh database on the shared real PostgreSQL server
 * ({@link TestPostgres}). Init arg {@code purpose} names the database (default {@code app}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String purpose = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        purpose = initArgs.getOrDefault("purpose", purpose);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres.Database database = TestPostgres.newDatabase(purpose);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        // Databases are dropped when the JVM exits, after the application has closed its pool.
    }
}
