package dev.ticketbridge.e2e.security;

import dev.ticketbridge.e2e.E2eStack;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * connection-service's own database in the running stack, found through the configuration file the launcher wrote
 * for it. Used only to let time pass for a stored row (the stack's lifetimes are minutes long).
 */
final class ConnectionDatabase {

    private ConnectionDatabase() {
    }

    /** Moves the expiry of a started authorization into the past, as if its lifetime had gone by. */
    static void expireAuthorization(String state) {
        try (Connection connection = open();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE pending_authorization SET expires_at = now() - interval '1 second' WHERE state = ?")) {
            update.setString(1, state);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no started authorization with that state");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection open() throws SQLException {
        Path file = E2eStack.get().logs().getParent().resolve("config").resolve("connection-service.properties");
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            config.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return DriverManager.getConnection(config.getProperty("quarkus.datasource.jdbc.url"),
                config.getProperty("quarkus.datasource.username"),
                config.getProperty("quarkus.datasource.password", ""));
    }
}
