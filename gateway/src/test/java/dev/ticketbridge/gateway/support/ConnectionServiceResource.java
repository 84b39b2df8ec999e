package dev.ticketbridge.gateway.support;

import dev.ticketbridge.testsupport.connection.ConnectionServiceProcess;
import dev.ticketbridge.testsupport.servicekeys.ServiceKeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real connection-service, as a process from its built jar, admitting the shared ServiceNow emulator; the
 * gateway calls it with its own service key. Both processes are shared by the JVM and stopped at its end.
 */
public class ConnectionServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ServiceNowEmulator emulator = ServiceNowEmulator.shared();
        ConnectionServiceProcess connectionService = ConnectionServiceProcess.shared(emulator.baseUrl());
        Map<String, String> config = new HashMap<>(ServiceKeys.callerConfig("gateway"));
        config.put("quarkus.rest-client.connection-service.url", connectionService.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        // Shared processes; their shutdown hooks stop them with the JVM.
    }
}
