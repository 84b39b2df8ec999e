package dev.ticketbridge.testsupport.connection;

import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;

/**
 * Who authorises a connection and where: the instance's base URL, the OAuth application's client id and secret,
 * and the ServiceNow user who logs in and presses Allow (or Deny when {@code allow} is false).
 */
public record OAuthLogin(String instanceUrl, String clientId, String clientSecret, String userName, String password,
                         boolean allow) {

    /** The emulator's integration user allowing access for its seeded OAuth application. */
    public static OAuthLogin integrationUser(ServiceNowEmulator emulator) {
        return new OAuthLogin(emulator.baseUrl(), ServiceNowEmulator.CLIENT_ID, ServiceNowEmulator.CLIENT_SECRET,
                ServiceNowEmulator.INTEGRATION_USER, ServiceNowEmulator.INTEGRATION_PASSWORD, true);
    }

    /** The same login answering the consent page with Deny. */
    public OAuthLogin denying() {
        return new OAuthLogin(instanceUrl, clientId, clientSecret, userName, password, false);
    }

    /** The same login as another ServiceNow user. */
    public OAuthLogin as(String otherUser, String otherPassword) {
        return new OAuthLogin(instanceUrl, clientId, clientSecret, otherUser, otherPassword, allow);
    }
}
