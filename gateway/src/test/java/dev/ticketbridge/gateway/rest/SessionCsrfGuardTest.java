package dev.ticketbridge.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCsrfGuardTest {

    @Test
    void sessionCallWithoutThePortalHeaderIsRefused() {
        assertThat(SessionCsrfGuard.refuses("POST", "/api/v1/shares", false, true, null)).isTrue();
        assertThat(SessionCsrfGuard.refuses("GET", "/api/v1/tickets", false, true, "XMLHttpRequest")).isTrue();
        assertThat(SessionCsrfGuard.refuses("DELETE", "/api/v1/connection", false, true, null)).isTrue();
    }

    @Test
    void sessionCallWithThePortalHeaderPasses() {
        assertThat(SessionCsrfGuard.refuses("PUT", "/api/v1/connection", false, true, "ticketbridge-portal")).isFalse();
    }

    @Test
    void bearerCallsAndCallsWithoutSessionAreUnaffected() {
        assertThat(SessionCsrfGuard.refuses("POST", "/api/v1/shares", true, true, null)).isFalse();
        assertThat(SessionCsrfGuard.refuses("POST", "/api/v1/shares", false, false, null)).isFalse();
    }

    @Test
    void portalPagesAndTheOAuthCallbackNavigationAreUnaffected() {
        assertThat(SessionCsrfGuard.refuses("GET", "/index.html", false, true, null)).isFalse();
        assertThat(SessionCsrfGuard.refuses("GET", "/api/v1/servicenow/oauth/callback", false, true, null)).isFalse();
        assertThat(SessionCsrfGuard.refuses("POST", "/api/v1/servicenow/oauth/callback", false, true, null)).isTrue();
    }
}
