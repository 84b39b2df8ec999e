package dev.ticketbridge.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The connection check: each item, whether all passed, and the state labels now in effect. */
public record CheckReport(String tenantId, boolean ok, Instant checkedAt, List<CheckItem> items,
                          Map<String, Map<String, String>> stateNames) {
}
