package dev.ticketbridge.emulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** ServiceNow's error envelope and the canned non-JSON pages the emulator can answer with. */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String HIBERNATING_PAGE = """
            <!DOCTYPE html>
            <html><head><title>Instance Hibernating page</title></head>
            <body><h1>Your instance is hibernating</h1>
            <p>This developer instance is hibernating to save resources. Sign in to the developer portal to wake it up.</p>
            </body></html>
            """;

    private ErrorBodies() {
    }

    /** {@code {"error":{"message":..,"detail":..},"status":"failure"}}. */
    public static Map<String, Object> envelope(String message, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("detail", detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status", "failure");
        return body;
    }

    public static String envelopeJson(String message, String detail) {
        try {
            return JSON.writeValueAsString(envelope(message, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A load balancer's page for 502/503. */
    public static String gatewayPage(int status) {
        String title = status == 502 ? "502 Bad Gateway" : status + " Service Unavailable";
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>\n";
    }
}
