package dev.ticketbridge.connection;

import dev.ticketbridge.testsupport.connection.ConnectionServiceProcess;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The test application's surroundings: a private ServiceNow emulator whose OAuth application has a canary client
 * secret and issues a fresh grant per authorization, trust in the test service keys, the emulator admitted as an
 * instance, and the application log written to a file the secret-leak test scans.
 */
public class ConnectionTestResource implements QuarkusTestResourceLifecycleManager {

    static final String CANARY_SECRET = "canary-secret-7f3c1e9a-do-not-leak";
    static final String LOG_FILE = "target/connection-service-test.log";
    private static volatile ServiceNowEmulator emulator;

    static synchronized ServiceNowEmulator emulator() {
        if (emulator == null) {
            emulator = ServiceNowEmulator.start(Map.of(
                    "emulator.oauth.client-secret", CANARY_SECRET,
                    "emulator.oauth.reuse-valid-access-token", "false"));
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "test-emulator-stop"));
        }
        return emulator;
    }

    static OAuthLogin integrationUser() {
        return new OAuthLogin(emulator().baseUrl(), ServiceNowEmulator.CLIENT_ID, CANARY_SECRET,
                ServiceNowEmulator.INTEGRATION_USER, ServiceNowEmulator.INTEGRATION_PASSWORD, true);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(ServiceKeys.trustConfig());
        config.put("ticketbridge.connection.allowed-instance-urls", emulator().baseUrl());
        config.put("ticketbridge.connection.redirect-uri", ConnectionServiceProcess.REDIRECT_URI);
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE);
        config.put("quarkus.log.category.\"dev.ticketbridge\".level", "DEBUG");
        config.put("quarkus.log.category.\"io.quarkus.oidc.client\".level", "DEBUG");
        config.put("quarkus.http.access-log.enabled", "true");
        return config;
    }

    @Override
    public void stop() {
        // The emulator serves every test application of this JVM and stops with it.
    }
}
