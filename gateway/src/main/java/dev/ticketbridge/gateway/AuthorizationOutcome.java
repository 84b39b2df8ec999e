package dev.ticketbridge.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How a return from ServiceNow's consent page ended: {@code CONNECTED} or {@code DENIED}, and the connection after it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationOutcome(String outcome, ServiceNowConnection connection) {

    public boolean connected() {
        return "CONNECTED".equals(outcome);
    }
}
