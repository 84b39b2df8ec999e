package dev.ticketbridge.ticket.support;

import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Emulator admin calls the shared launcher does not offer: rate-limit rules (sys_rate_limit_rules). */
public final class EmulatorAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmulatorAdmin() {
    }

    /** A Table API rate-limit rule for one user, counted per rate-limit window (see the emulator's settings). */
    public static void rateLimit(String userName, int limit) {
        send("POST", "{\"limit_per_hour\":" + limit + ",\"user\":\"" + userName + "\",\"api\":\"Table API\"}");
    }

    public static void clearRateLimits() {
        send("DELETE", null);
    }

    private static void send(String method, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(ServiceNowEmulator.shared().baseUrl() + "/emulator/admin/rate-limits"))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("rate-limit admin call answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
