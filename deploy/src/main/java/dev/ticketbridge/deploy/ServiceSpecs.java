package dev.ticketbridge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How each Ticketbridge process of the local stack is started and configured. */
final class ServiceSpecs {

    /** The services that own a database; each gets {@code <prefix><service>}. */
    static final List<String> DATABASE_OWNERS = List.of("gateway", "connection", "ticket", "sync");
    static final String EMULATOR_INTEGRATION_USER = "ticketbridge.integration / Integration-Demo-1";
    static final String EMULATOR_CLIENT_ID = "ticketbridge-demo";
    static final String EMULATOR_CLIENT_SECRET = "ticketbridge-demo-secret";
    static final String SECOND_EMULATOR = "servicenow-emulator-2";

    private ServiceSpecs() {
    }

    /** One process: its module's Quarkus jar, the port it listens on and its configuration. */
    record Spec(String name, String module, int port, Map<String, String> config) {

        List<String> command(StackLayout layout) {
            Path configFile = layout.data().resolve("config").resolve(name + ".properties");
            write(configFile, config);
            return List.of(layout.java(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.config.locations=" + configFile.toUri(),
                    "-jar", layout.quarkusApp(module).toString());
        }

        /** The same process with {@code settings} added to (or replacing entries of) its configuration. */
        Spec with(Map<String, String> settings) {
            Map<String, String> merged = new LinkedHashMap<>(config);
            merged.putAll(settings);
            return new Spec(name, module, port, merged);
        }

        Map<String, String> env() {
            return Map.of();
        }

        String readinessUrl() {
            return "http://127.0.0.1:" + port + "/q/health/ready";
        }
    }

    /** Every process after the infrastructure, in start order (dependencies first). */
    static List<Spec> all(StackPorts ports, LocalPostgres postgres, String databasePrefix, Secrets secrets) {
        String kafka = "127.0.0.1:" + ports.kafka();
        String connectionUrl = "http://127.0.0.1:" + ports.connection();
        String emulatorUrl = "http://127.0.0.1:" + ports.emulator();
        String gatewayUrl = "http://localhost:" + ports.gateway();

        Spec emulator = new Spec("servicenow-emulator", "servicenow-emulator", ports.emulator(), Map.of(
                "quarkus.http.port", String.valueOf(ports.emulator())));
        String allowedInstances = emulatorUrl;
        List<Spec> emulators = new java.util.ArrayList<>(List.of(emulator));
        if (ports.secondEmulator() != 0) {
            emulators.add(new Spec(SECOND_EMULATOR, "servicenow-emulator", ports.secondEmulator(), Map.of(
                    "quarkus.http.port", String.valueOf(ports.secondEmulator()))));
            allowedInstances += ",http://127.0.0.1:" + ports.secondEmulator();
        }

        Map<String, String> connection = service(ports.connection(), postgres.jdbcUrl(databasePrefix + "connection"), kafka);
        secrets.publicKeys().forEach((caller, pem) ->
                connection.put("ticketbridge.service-auth.trusted-issuers." + caller, oneLine(pem)));
        connection.put("ticketbridge.connection.redirect-uri", gatewayUrl + "/api/v1/servicenow/oauth/callback");
        connection.put("ticketbridge.connection.allowed-instance-urls", allowedInstances);
        connection.put("ticketbridge.connection.encryption.keys.local", secrets.encryptionKey());
        connection.put("ticketbridge.connection.encryption.active-key-id", "local");

        Map<String, String> ticket = caller("ticket-service", ports.ticket(), postgres.jdbcUrl(databasePrefix + "ticket"), kafka,
                connectionUrl, secrets);
        Map<String, String> sync = caller("sync-service", ports.sync(), postgres.jdbcUrl(databasePrefix + "sync"), kafka,
                connectionUrl, secrets);
        sync.put("ticketbridge.sync.push.signing-key", secrets.pushSigningKey());
        // One machine, one instance: poll at the floor so a state change shows within seconds.
        sync.put("ticketbridge.sync.poll.interval", "5s");

        Map<String, String> gateway = caller("gateway", ports.gateway(), postgres.jdbcUrl(databasePrefix + "gateway"), kafka,
                connectionUrl, secrets);
        gateway.put("ticketbridge.identity.issuer", Keycloak.issuer(ports.keycloak()));
        gateway.put("ticketbridge.identity.auth-server-url", Keycloak.issuer(ports.keycloak()));
        gateway.put("ticketbridge.identity.audience", "ticketbridge-gateway");
        gateway.put("quarkus.oidc.credentials.secret", "local-demo-gateway-secret");
        gateway.put("quarkus.rest-client.sync-service.url", "http://127.0.0.1:" + ports.sync());

        List<Spec> all = new java.util.ArrayList<>(emulators);
        all.add(new Spec("connection-service", "connection-service", ports.connection(), connection));
        all.add(new Spec("ticket-service", "ticket-service", ports.ticket(), ticket));
        all.add(new Spec("sync-service", "sync-service", ports.sync(), sync));
        all.add(new Spec("gateway", "gateway", ports.gateway(), gateway));
        return List.copyOf(all);
    }

    private static Map<String, String> service(int port, String jdbcUrl, String kafka) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka);
        return config;
    }

    private static Map<String, String> caller(String name, int port, String jdbcUrl, String kafka, String connectionUrl,
            Secrets secrets) {
        Map<String, String> config = service(port, jdbcUrl, kafka);
        config.put("quarkus.rest-client.connection-service.url", connectionUrl);
        config.put("ticketbridge.service-auth.private-key", oneLine(secrets.privateKeys().get(name)));
        return config;
    }

    /** The base64 body of a PEM block on one line, which the services accept in place of the full PEM text. */
    static String oneLine(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
    }

    private static void write(Path file, Map<String, String> config) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder("# Written by the local stack launcher on every start.\n");
            config.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
