package dev.ticketbridge.testsupport.connection;

import dev.ticketbridge.testsupport.kafka.TestKafka;
import dev.ticketbridge.testsupport.postgres.TestPostgres;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * connection-service running as a separate process from its built jar
 * ({@code connection-service/target/quarkus-app/quarkus-run.jar}, or the path in system property
 * {@code ticketbridge.connection-service.jar}), on a free port, against the shared test Kafka, a fresh PostgreSQL
 * database, trusting {@link ServiceKeys} of gateway, ticket-service and sync-service, and admitting the given
 * ServiceNow instance URLs (the emulator's {@code http://127.0.0.1:<port>}). Output goes to
 * {@code target/connection-service-<port>.log} of the calling module.
 */
public final class ConnectionServiceProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConnectionServiceProcess.class.getName());
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    /** Where the emulator sends the browser after consent; never contacted, the helper reads code and state from it. */
    public static final String REDIRECT_URI = "http://127.0.0.1:9/ticketbridge/servicenow/callback";

    private static volatile ConnectionServiceProcess shared;

    private final Process process;
    private final String baseUrl;
    private final Path logFile;

    private ConnectionServiceProcess(Process process, String baseUrl, Path logFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
    }

    /** One process per JVM admitting the shared emulator ({@link ServiceNowEmulator#shared()}). */
    public static ConnectionServiceProcess shared() {
        return shared(ServiceNowEmulator.shared().baseUrl());
    }

    /**
     * One process per JVM admitting the given instance URL (normally the shared emulator's base URL); stopped by a
     * shutdown hook. Later calls return the same process whatever URL they pass.
     */
    public static ConnectionServiceProcess shared(String allowedInstanceUrl) {
        if (shared == null) {
            synchronized (ConnectionServiceProcess.class) {
                if (shared == null) {
                    ConnectionServiceProcess started = start(List.of(allowedInstanceUrl), Map.of());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "connection-service-stop"));
                    shared = started;
                }
            }
        }
        return shared;
    }

    /** A private process; {@code extraConfig} overrides any setting (system-property names). Close it when done. */
    public static ConnectionServiceProcess start(List<String> allowedInstanceUrls, Map<String, String> extraConfig) {
        int port = freePort();
        TestPostgres.Database database = TestPostgres.newDatabase("connection");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.username());
        config.put("quarkus.datasource.password", database.password());
        config.put("ticketbridge.connection.allowed-instance-urls", String.join(",", allowedInstanceUrls));
        config.put("ticketbridge.connection.redirect-uri", REDIRECT_URI);
        config.put("ticketbridge.connection.encryption.active-key-id", "test");
        config.put("ticketbridge.connection.encryption.keys.test", Base64.getEncoder().encodeToString(randomKey()));
        config.putAll(ServiceKeys.trustConfig());
        config.putAll(extraConfig);
        return launch(port, config);
    }

    private static ConnectionServiceProcess launch(int port, Map<String, String> config) {
        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Path log = Path.of("target", "connection-service-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ConnectionServiceProcess started = new ConnectionServiceProcess(process, "http://127.0.0.1:" + port, log);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start connection-service from " + jar, e);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}; set it as the REST client URL of connection-service. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The process's log file, to read or scan in a test. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Connects a tenant to a ServiceNow instance through the internal API and the instance's real log-in and consent
     * pages, as the user given (normally the emulator's integration user); returns once the status is CONNECTED.
     */
    public void connectTenant(String tenantId, OAuthLogin login) {
        new TenantConnector(baseUrl).connect(tenantId, login);
    }

    /** Connects a tenant to the emulator as its integration user with the emulator's seeded OAuth application. */
    public void connectTenant(String tenantId, ServiceNowEmulator emulator) {
        connectTenant(tenantId, OAuthLogin.integrationUser(emulator));
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("connection-service exited with " + process.exitValue() + "; see " + logFile);
            }
            if (ready(client)) {
                LOG.info(() -> "connection-service ready at " + baseUrl);
                return;
            }
            pauseBriefly();
        }
        close();
        throw new IllegalStateException("connection-service did not become ready within " + START_DEADLINE + "; see " + logFile);
    }

    private boolean ready(HttpClient client) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        String configured = System.getProperty("ticketbridge.connection-service.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("connection-service/target/quarkus-app/quarkus-run.jar");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("connection-service is not built: run ./mvnw -pl connection-service -am install "
                + "-DskipTests (or add it as a test dependency of type pom so the reactor builds it first)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }
}
