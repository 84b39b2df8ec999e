package dev.ticketbridge.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What removing a connection did: whether ServiceNow revoked the tokens, how many, and any remark. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionRemoval(boolean revoked, int tokens, String detail) {
}
