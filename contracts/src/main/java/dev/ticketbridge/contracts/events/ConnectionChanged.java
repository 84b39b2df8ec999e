package dev.ticketbridge.contracts.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's ServiceNow connection changed. Published on the compacted {@code ticketing.connection-events}
 * topic keyed by tenant, so the latest event per tenant is its current connection. Never carries a secret.
 *
 * @param stateNames per table ({@code change_request}, {@code incident}), the label shown for each state code
 */
public record ConnectionChanged(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        ConnectionStatus status,
        String instanceUrl,
        Map<String, Map<String, String>> stateNames,
        String detail) implements TicketbridgeEvent {

    public static final int VERSION = 1;

    public ConnectionChanged {
        Required.field(eventId, "eventId");
        Required.version(schemaVersion);
        Required.field(occurredAt, "occurredAt");
        Required.text(tenantId, "tenantId");
        Required.field(status, "status");
        stateNames = stateNames == null ? Map.of() : Map.copyOf(stateNames);
    }

    /** The label this tenant uses for a state code of a table, falling back to the code itself. */
    public String labelFor(String table, String code) {
        return stateNames.getOrDefault(table, Map.of()).getOrDefault(code, code);
    }

    @Override
    public String key() {
        return tenantId;
    }
}
