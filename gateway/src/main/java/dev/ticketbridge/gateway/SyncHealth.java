package dev.ticketbridge.gateway;

import java.time.Instant;

/** The sync-health line of the home page: when ServiceNow was last read, how far behind that is, the token's status. */
public record SyncHealth(Instant lastSyncAt, Long lagSeconds, String tokenStatus) {
}
