package dev.ticketbridge.ticket.support;

import dev.ticketbridge.testsupport.connection.ConnectionServiceProcess;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test profile with the production token source: tokens come from the real connection-service process (service
 * tokens signed with this JVM's {@link ServiceKeys}), and tenants are connected through the emulator's OAuth pages.
 */
public class RealConnectionService implements QuarkusTestProfile {

    /**
     * connection-service's prod profile currently fails to start when its encryption keys come from unset
     * environment variables ({@code %prod.ticketbridge.connection.encryption.keys.*} = ""), which is how its test
     * launcher runs it; give it keys until that is fixed there.
     */
    private static final Map<String, String> WORKAROUNDS = Map.of(
            "%prod.ticketbridge.connection.encryption.keys.primary", Base64.getEncoder().encodeToString(new byte[32]),
            "%prod.ticketbridge.connection.encryption.keys.secondary", Base64.getEncoder().encodeToString(new byte[32]));

    private static ConnectionServiceProcess process;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.arc.exclude-types", EmulatorTokenSource.class.getName());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Process.class));
    }

    /** Connects a tenant as the given ServiceNow user, through connection-service and the instance's consent page. */
    public static void connect(String tenantId, EmulatorTokenSource.User user) {
        ServiceNowEmulator emulator = ServiceNowEmulator.shared();
        process().connectTenant(tenantId, new OAuthLogin(emulator.baseUrl(), ServiceNowEmulator.CLIENT_ID,
                ServiceNowEmulator.CLIENT_SECRET, user.name(), user.password(), true));
    }

    private static synchronized ConnectionServiceProcess process() {
        if (process == null) {
            process = ConnectionServiceProcess.start(List.of(ServiceNowEmulator.shared().baseUrl()), WORKAROUNDS);
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "connection-service-stop"));
        }
        return process;
    }

    /** Starts connection-service and points the REST client at it. */
    public static class Process implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(ServiceKeys.callerConfig("ticket-service"));
            config.put("quarkus.rest-client.connection-service.url", process().baseUrl());
            return config;
        }

        @Override
        public void stop() {
            // Shared by the JVM; stopped by its shutdown hook.
        }
    }
}
