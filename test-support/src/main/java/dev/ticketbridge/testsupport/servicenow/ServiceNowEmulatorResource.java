package dev.ticketbridge.testsupport.servicenow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test application at a ServiceNow emulator: sets {@value #URL_KEY} to its base URL (map it to
 * your own config, e.g. {@code %test.ticketbridge.servicenow.instance-url=${ticketbridge.test.servicenow.url}}).
 * Without init args it uses the JVM-wide {@link ServiceNowEmulator#shared()} instance; with init args (emulator
 * configuration such as {@code emulator.oauth.access-token-lifespan=PT2S}) it starts a private instance and stops
 * it with the test application.
 */
public class ServiceNowEmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Configuration key carrying the emulator's base URL. */
    public static final String URL_KEY = "ticketbridge.test.servicenow.url";

    private Map<String, String> config = Map.of();
    private ServiceNowEmulator privateInstance;

    @Override
    public void init(Map<String, String> initArgs) {
        config = initArgs == null ? Map.of() : Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        if (config.isEmpty()) {
            return Map.of(URL_KEY, ServiceNowEmulator.shared().baseUrl());
        }
        privateInstance = ServiceNowEmulator.start(config);
        return Map.of(URL_KEY, privateInstance.baseUrl());
    }

    @Override
    public void stop() {
        if (privateInstance != null) {
            privateInstance.close();
            privateInstance = null;
        }
    }
}
