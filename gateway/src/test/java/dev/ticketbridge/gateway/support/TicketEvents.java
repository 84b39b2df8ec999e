package dev.ticketbridge.gateway.support;

import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Ticket and connection events as ticket-service, sync-service and connection-service publish them. */
public final class TicketEvents {

    private TicketEvents() {
    }

    public static TicketCreated created(String tenant, UUID shareId, TicketType type, String number, String code,
            String label) {
        return new TicketCreated(UUID.randomUUID(), 1, Instant.now(), tenant, shareId, type, "sys-" + shareId, number,
                "https://contoso.service-now.com/" + type.table() + ".do?sys_id=sys-" + shareId,
                new TicketState(code, label), 0, Instant.now());
    }

    public static TicketUpdated updated(String tenant, UUID shareId, TicketType type, String number, String code,
            String label, long modCount, boolean closed) {
        return new TicketUpdated(UUID.randomUUID(), 1, Instant.now(), tenant, shareId, type, "sys-" + shareId, number,
                new TicketState(code, label), null, "itil.user", modCount, Instant.now(), closed);
    }

    public static ConnectionChanged connected(String tenant, Map<String, Map<String, String>> stateNames) {
        return new ConnectionChanged(UUID.randomUUID(), 1, Instant.now(), tenant, ConnectionStatus.CONNECTED,
                "https://contoso.service-now.com", stateNames, null);
    }
}
