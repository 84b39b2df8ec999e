package dev.ticketbridge.testsupport.servicenow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test application at the shared ServiceNow emulator: sets {@value #URL_KEY} to its base URL
 * (map it to your own config, e.g. {@code %test.ticketbridge.servicenow.instance-url=${ticketbridge.test.servicenow.url}}).
 */
public class ServiceNowEmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Configuration key carrying the emulator's base URL. */
    public static final String URL_KEY = "ticketbridge.test.servicenow.url";

    @Override
    public Map<String, String> start() {
        return Map.of(URL_KEY, ServiceNowEmulator.shared().baseUrl());
    }

    @Override
    public void stop() {
        // The emulator is shared by every test application of this JVM and stops with it.
    }
}
