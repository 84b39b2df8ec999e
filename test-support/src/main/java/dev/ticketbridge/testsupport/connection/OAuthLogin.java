package dev.ticketbridge.testsupport.connection;

/**
 * Who authorises a connection and where: the instance's base URL, the OAuth application's client id and secret,
 * and the ServiceNow user who logs in and presses Allow (or Deny when {@code allow} is false).
 */
public record OAuthLogin(String instanceUrl, String clientId, String clientSecret, String userName, String password,
                         boolean allow) {

    /** The same login answering the consent page with Deny. */
    public OAuthLogin denying() {
        return new OAuthLogin(instanceUrl, clientId, clientSecret, userName, password, false);
    }

    /** The same login as another ServiceNow user. */
    public OAuthLogin as(String otherUser, String otherPassword) {
        return new OAuthLogin(instanceUrl, clientId, clientSecret, otherUser, otherPassword, allow);
    }
}
