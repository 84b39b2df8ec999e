package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.client.InstanceResponse;
import dev.ticketbridge.connection.client.TokenEndpointException;
import java.util.Locale;

/** Known ServiceNow failures turned into what a person can do about them. */
final class Guidance {

    static final String HIBERNATING = "The instance answered with a web page instead of data: it is hibernating "
            + "(developer instances sleep when unused) or a login page is in the way. Wake the instance by logging in "
            + "to it in a browser, then run the check again.";
    static final String IP_BLOCKED = "The instance refused Ticketbridge's address (IP address access control, HTTP 403). "
            + "Ask the ServiceNow administrator to add Ticketbridge's outbound addresses to an allow rule under "
            + "System Security > IP Address Access Control.";
    static final String CROSS_SCOPE = "The instance refused to read the Application Registry (oauth_entity) because of "
            + "its cross-scope access policy. Open the oauth_entity table's Application Access settings and set them back "
            + "to 'Accessible from: All application scopes' with 'Can read' ticked.";
    static final String MISSING_ROLES = "The user who pressed Allow lacks the rights Ticketbridge needs. Make sure the "
            + "consent was given by the ServiceNow integration user (not a personal account) and that this user has the "
            + "itil role (read and create on incident and change_request) and can read sys_choice; then authorize again.";
    static final String SSO = "The instance sent a login page where it should have issued tokens: single sign-on is "
            + "probably intercepting the OAuth consent. Log in to the consent page with the local integration user "
            + "(e.g. through /login.do?sso_bypass or your SSO's bypass URL) and authorize again.";

    private Guidance() {
    }

    static String forConsentError(String error) {
        if ("access_denied".equals(error)) {
            return "Access was denied on the ServiceNow consent page. Authorize again logged in as the integration "
                    + "user and press Allow.";
        }
        return "ServiceNow did not authorize Ticketbridge (" + error + "). Authorize again.";
    }

    static String forTokenFailure(TokenEndpointException e) {
        return switch (e.kind()) {
            case INVALID_GRANT -> "ServiceNow no longer accepts the authorization (" + e.getMessage()
                    + "): the grant expired or was revoked. Authorize again as the integration user.";
            case INVALID_CLIENT -> "ServiceNow refused the client id or secret (" + e.getMessage() + "). Copy both "
                    + "again from the instance's Application Registry entry and reconnect.";
            case NOT_A_TOKEN_RESPONSE -> HIBERNATING;
            case REFUSED -> "ServiceNow refused the token request: " + e.getMessage();
            case UNAVAILABLE -> "ServiceNow could not be reached (" + e.getMessage() + "); try again later.";
        };
    }

    /** Guidance for a Table API answer that was not a success, or null when it has no known cause. */
    static String forApiAnswer(InstanceResponse response) {
        if (response.isHtml()) {
            return HIBERNATING;
        }
        String text = response.errorText().toLowerCase(Locale.ROOT);
        if (text.contains("cross-scope")) {
            return CROSS_SCOPE;
        }
        if (response.status() == 403 && (text.contains("ip address") || text.contains("access denied"))) {
            return IP_BLOCKED;
        }
        if (response.status() == 403 || (response.status() == 404 && text.contains("acl"))) {
            return MISSING_ROLES;
        }
        if (response.status() == 401) {
            return "The instance did not accept the access token. Run the check again; if it persists, authorize again.";
        }
        return null;
    }
}
