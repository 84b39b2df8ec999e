package dev.ticketbridge.contracts;

import dev.ticketbridge.contracts.events.ChangeType;
import dev.ticketbridge.contracts.events.ConnectionChanged;
import dev.ticketbridge.contracts.events.ConnectionStatus;
import dev.ticketbridge.contracts.events.ImprovementAction;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.contracts.events.RecommendationSource;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TaskDetails;
import dev.ticketbridge.contracts.events.TicketCreated;
import dev.ticketbridge.contracts.events.TicketCreationFailed;
import dev.ticketbridge.contracts.events.TicketState;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid sample events for tests (an Object Mother); published in this module's test jar. */
public final class SampleEvents {

    private SampleEvents() {
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static ShareRequested shareRequested(String tenantId, UUID shareId, TicketType type) {
        return new ShareRequested(UUID.randomUUID(), ShareRequested.VERSION, now(), tenantId, shareId, "admin@" + tenantId,
                type, type == TicketType.CHANGE_REQUEST ? ChangeType.NORMAL : null,
                new ImprovementAction("aad_admin_accounts_separate_unassigned_cloud_only",
                        "Ensure Administrative accounts are separate and cloud-only", RecommendationCategory.Identity,
                        RecommendationSource.MICROSOFT, 3.0, "https://learn.microsoft.com/"),
                new TaskDetails("Separate administrative accounts", "Move every admin role to a cloud-only account.",
                        Priority.HIGH, LocalDate.now().plusDays(14)));
    }

    public static ShareRequested shareRequested(String tenantId) {
        return shareRequested(tenantId, UUID.randomUUID(), TicketType.CHANGE_REQUEST);
    }

    public static TicketCreated ticketCreated(String tenantId, UUID shareId) {
        return new TicketCreated(UUID.randomUUID(), TicketCreated.VERSION, now(), tenantId, shareId,
                TicketType.CHANGE_REQUEST, "0123456789abcdef0123456789abcdef", "CHG0010001",
                "https://contoso.service-now.com/change_request.do?sys_id=0123456789abcdef0123456789abcdef",
                new TicketState("-5", "New"), 0, now());
    }

    public static TicketUpdated ticketUpdated(String tenantId, UUID shareId, long modCount) {
        return new TicketUpdated(UUID.randomUUID(), TicketUpdated.VERSION, now(), tenantId, shareId, TicketType.INCIDENT,
                "fedcba9876543210fedcba9876543210", "INC0010001", new TicketState("2", "In Progress"),
                new TicketState("1", "New"), "itil.user", modCount, now(), false);
    }

    public static TicketCreationFailed ticketCreationFailed(String tenantId, UUID shareId) {
        return new TicketCreationFailed(UUID.randomUUID(), TicketCreationFailed.VERSION, now(), tenantId, shareId,
                TicketType.INCIDENT, TicketCreationFailed.FailureReason.SERVICENOW_REJECTED,
                "Operation Failed: ACL Exception Insert Failed due to security constraints", 403, 1);
    }

    public static ConnectionChanged connectionChanged(String tenantId, ConnectionStatus status) {
        return new ConnectionChanged(UUID.randomUUID(), ConnectionChanged.VERSION, now(), tenantId, status,
                "https://contoso.service-now.com",
                Map.of("incident", Map.of("1", "New", "2", "In Progress"), "change_request", Map.of("-5", "New")), null);
    }

    /** One valid event of every type. */
    public static List<TicketbridgeEvent> oneOfEach() {
        UUID shareId = UUID.randomUUID();
        return List.of(shareRequested("tenant-a"), ticketCreated("tenant-a", shareId), ticketUpdated("tenant-a", shareId, 1),
                ticketCreationFailed("tenant-a", shareId), connectionChanged("tenant-a", ConnectionStatus.CONNECTED));
    }
}
