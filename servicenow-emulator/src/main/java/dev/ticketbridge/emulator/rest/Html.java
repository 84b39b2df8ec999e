package dev.ticketbridge.emulator.rest;

/** Minimal HTML pages of the emulator (log-in, consent, errors, agent UI). */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body></html>\n";
    }

    static String loginForm(String requestId, String error) {
        return page("ServiceNow emulator - Log in", """
                <h1>Log in</h1>
                %s
                <form method="post" action="/oauth_login.do">
                  <input type="hidden" name="request_id" value="%s">
                  <label>User name <input name="user_name" autocomplete="username"></label>
                  <label>Password <input name="user_password" type="password" autocomplete="current-password"></label>
                  <button type="submit" name="login">Log in</button>
                </form>""".formatted(error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>",
                escape(requestId)));
    }

    static String consentForm(String requestId, String clientName, String userName) {
        return page("ServiceNow emulator - Authorize", """
                <h1>Authorize %s</h1>
                <p>%s, %s would like to connect to your ServiceNow account.</p>
                <form method="post" action="/oauth_consent.do">
                  <input type="hidden" name="request_id" value="%s">
                  <button type="submit" name="action" value="allow">Allow</button>
                  <button type="submit" name="action" value="deny">Deny</button>
                </form>""".formatted(escape(clientName), escape(userName), escape(clientName), escape(requestId)));
    }

    static String error(String message) {
        return page("ServiceNow emulator - OAuth error", "<h1>OAuth error</h1>\n<p class=\"error\">"
                + escape(message) + "</p>");
    }
}
