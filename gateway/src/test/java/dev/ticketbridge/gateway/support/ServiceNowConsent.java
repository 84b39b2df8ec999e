package dev.ticketbridge.gateway.support;

import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.testsupport.connection.ConnectionServiceProcess;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/**
 * A person connecting ServiceNow through the gateway: the set-up form, the emulator's real log-in and consent pages
 * (as its integration user), and the browser's return to the gateway's OAuth callback.
 */
public final class ServiceNowConsent {

    private ServiceNowConsent() {
    }

    public static ServiceNowEmulator emulator() {
        return ServiceNowEmulator.shared();
    }

    /** The set-up form naming the emulator and its OAuth application. */
    public static Map<String, String> form() {
        return Map.of("instance", emulator().baseUrl(), "clientId", ServiceNowEmulator.CLIENT_ID,
                "clientSecret", ServiceNowEmulator.CLIENT_SECRET);
    }

    public static Response setUp(String token) {
        return GatewayApi.as(token).contentType(ContentType.JSON).body(form()).put("/api/v1/connection");
    }

    /** Follows the authorize URL through the emulator's pages; returns where ServiceNow sent the browser back with. */
    public static TenantConnector.Redirect consent(String authorizeUrl, boolean allow) {
        OAuthLogin login = OAuthLogin.integrationUser(emulator());
        return connector().authorize(authorizeUrl, allow ? login : login.denying());
    }

    /** The browser's return to the gateway's callback, not following the redirect to the portal. */
    public static Response returnToGateway(String token, TenantConnector.Redirect redirect) {
        var request = GatewayApi.as(token).redirects().follow(false);
        if (redirect.code() != null) {
            request.queryParam("code", redirect.code());
        }
        if (redirect.state() != null) {
            request.queryParam("state", redirect.state());
        }
        if (redirect.error() != null) {
            request.queryParam("error", redirect.error());
        }
        return request.get("/api/v1/servicenow/oauth/callback");
    }

    /** Sets up and authorizes the tenant's connection through the gateway; fails unless it ends CONNECTED. */
    public static void connect(String adminToken) {
        String authorizeUrl = setUp(adminToken).then().statusCode(200).extract().path("authorizeUrl");
        returnToGateway(adminToken, consent(authorizeUrl, true)).then().statusCode(303);
        GatewayApi.as(adminToken).get("/api/v1/connection").then().statusCode(200).body("status", equalTo("CONNECTED"));
    }

    private static TenantConnector connector() {
        return new TenantConnector(ConnectionServiceProcess.shared(emulator().baseUrl()).baseUrl());
    }
}
