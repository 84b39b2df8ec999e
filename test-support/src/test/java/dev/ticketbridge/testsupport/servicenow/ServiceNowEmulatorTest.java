package dev.ticketbridge.testsupport.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs only when the emulator jar has been built (it is built after this module in the reactor). */
class ServiceNowEmulatorTest {

    private static ServiceNowEmulator emulator;

    @BeforeAll
    static void start() {
        boolean built;
        try {
            ServiceNowEmulator.findJar();
            built = true;
        } catch (IllegalStateException e) {
            built = false;
        }
        assumeTrue(built, "servicenow-emulator jar not built");
        emulator = ServiceNowEmulator.start(Map.of("emulator.oauth.access-token-lifespan", "PT5S"));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void privateInstanceServesTheTableApiAndCountsCalls() throws Exception {
        emulator.reset();
        HttpResponse<String> created = post("/api/now/table/incident", "{\"short_description\":\"From launcher\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(emulator.requestCount("POST", "/api/now/table/incident")).isEqualTo(1);
        String sysId = (String) emulator.records("incident").get(0).get("sys_id");
        assertThat(emulator.setState("incident", sysId, "2")).containsEntry("state", "2");
    }

    @Test
    void faultsAndResetWork() throws Exception {
        emulator.fault("errors", Map.of("status", 503, "count", 1));
        assertThat(post("/api/now/table/incident", "{}").statusCode()).isEqualTo(503);
        emulator.reset();
        assertThat(post("/api/now/table/incident", "{}").statusCode()).isEqualTo(201);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ServiceNowEmulator.INTEGRATION_USER + ":"
                + ServiceNowEmulator.INTEGRATION_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
