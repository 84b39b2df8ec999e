package dev.ticketbridge.testsupport.servicenow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs the ServiceNow emulator ({@code servicenow-emulator/target/quarkus-app/quarkus-run.jar}) as a separate process
 * on a free port, for tests of other modules. {@link #shared()} is one instance per JVM; {@link #start(Map)} gives
 * a private one, e.g. with {@code emulator.oauth.access-token-lifespan=PT2S}. The jar is found through the system
 * property {@value #JAR_PROPERTY} or by walking up from {@code user.dir}; build it first with
 * {@code ./mvnw -pl servicenow-emulator -am install -DskipTests}.
 */
public final class ServiceNowEmulator implements AutoCloseable {

    /** System property naming the emulator jar explicitly. */
    public static final String JAR_PROPERTY = "ticketbridge.emulator.jar";
    /** Seeded OAuth client and users (see servicenow-emulator/README.md). */
    public static final String CLIENT_ID = "ticketbridge-demo";
    public static final String CLIENT_SECRET = "ticketbridge-demo-secret";
    public static final String INTEGRATION_USER = "ticketbridge.integration";
    public static final String INTEGRATION_PASSWORD = "Integration-Demo-1";

    private static final String JAR = "servicenow-emulator/target/quarkus-app/quarkus-run.jar";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceNowEmulator shared;

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceNowEmulator(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** The instance shared by the whole JVM, started on first use and stopped by a shutdown hook. */
    public static synchronized ServiceNowEmulator shared() {
        if (shared == null || !shared.process.isAlive()) {
            ServiceNowEmulator started = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "servicenow-emulator-stop"));
            shared = started;
        }
        return shared;
    }

    /** Starts a private instance with extra configuration (emulator.* or quarkus.* keys); close it when done. */
    public static ServiceNowEmulator start(Map<String, String> config) {
        Path jar = findJar();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = logFile(port);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ServiceNowEmulator emulator = new ServiceNowEmulator(process, "http://127.0.0.1:" + port);
            emulator.awaitReady(log);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the ServiceNow emulator: " + command, e);
        }
    }

    /**
     * An admin client for an emulator started elsewhere (for example by the local stack); {@link #close()} leaves
     * that process running.
     */
    public static ServiceNowEmulator attach(String baseUrl) {
        return new ServiceNowEmulator(null, baseUrl);
    }

    /** Base URL of the instance, e.g. http://127.0.0.1:41234 (what a client calls its instance URL). */
    public String baseUrl() {
        return baseUrl;
    }

    /** Clears records (re-seeding the demo data), tokens, faults, rate limits, settings and the request log. */
    public void reset() {
        expect(204, send("POST", "/emulator/admin/reset", null));
    }

    /** Switches a fault on, e.g. {@code fault("errors", Map.of("status", 503, "count", 1))}; see the README. */
    public void fault(String name, Map<String, ?> body) {
        expect(200, send("PUT", "/emulator/admin/faults/" + name, body));
    }

    public void clearFault(String name) {
        expect(200, send("DELETE", "/emulator/admin/faults/" + name, null));
    }

    public void clearFaults() {
        expect(200, send("DELETE", "/emulator/admin/faults", null));
    }

    /** Changes behaviour switches, e.g. {@code settings(Map.of("access_token_lifespan_seconds", 2))}. */
    public void settings(Map<String, ?> changes) {
        expect(200, send("PUT", "/emulator/admin/settings", changes));
    }

    /** Requests served with this method (null = any) whose path template starts with the prefix. */
    public long requestCount(String method, String pathPrefix) {
        return requestCount(method, pathPrefix, null);
    }

    /** As {@link #requestCount(String, String)}, narrowed to an OAuth grant type (for /oauth_token.do). */
    public long requestCount(String method, String pathPrefix, String grantType) {
        StringBuilder query = new StringBuilder("/emulator/admin/requests/count?");
        if (method != null) {
            query.append("method=").append(encode(method)).append('&');
        }
        if (pathPrefix != null) {
            query.append("path=").append(encode(pathPrefix)).append('&');
        }
        if (grantType != null) {
            query.append("grant_type=").append(encode(grantType));
        }
        Map<String, Object> body = read(expect(200, send("GET", query.toString(), null)));
        return ((Number) body.get("count")).longValue();
    }

    public void clearRequestLog() {
        expect(204, send("DELETE", "/emulator/admin/requests", null));
    }

    /** Moves a ticket to a state as a ServiceNow agent would (no data policies); returns the record. */
    public Map<String, Object> setState(String table, String sysId, String state) {
        return read(expect(200, send("POST", "/emulator/admin/tables/" + table + "/" + sysId + "/state",
                Map.of("state", state))));
    }

    /** Records of a table as raw string values (references as sys_ids). */
    public List<Map<String, Object>> records(String table) {
        return records(table, "");
    }

    /** Records matching an encoded query. */
    public List<Map<String, Object>> records(String table, String encodedQuery) {
        String body = expect(200, send("GET", "/emulator/admin/tables/" + table + "?query="
                + encode(encodedQuery), null));
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Revokes every token of a user, as an admin would in Manage Tokens. */
    public void revokeTokens(String userName) {
        expect(200, send("POST", "/emulator/admin/users/" + userName + "/revoke-tokens", null));
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Path log) {
        try {
            Awaitility.await("ServiceNow emulator ready").atMost(START_DEADLINE)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("exited");
                        }
                        return health() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("ServiceNow emulator not ready within " + START_DEADLINE
                    + (process.isAlive() ? "" : " (process exited)") + "; see " + log, e);
        }
    }

    private int health() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .method(method, publisher).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Emulator admin call " + response.request().method() + " "
                    + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Map<String, Object> read(String body) {
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path findJar() {
        String explicit = System.getProperty(JAR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(JAR_PROPERTY + "=" + explicit + " is not a file");
            }
            return jar;
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
             dir = dir.getParent()) {
            Path jar = dir.resolve(JAR);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("ServiceNow emulator jar not found (" + JAR + " above "
                + System.getProperty("user.dir") + "). Build the emulator first: "
                + "./mvnw -pl servicenow-emulator -am install -DskipTests, or set -D" + JAR_PROPERTY + "=<jar>");
    }

    private static Path logFile(int port) {
        Path dir = Path.of(System.getProperty("user.dir"), "target");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("servicenow-emulator-" + port + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
