package dev.ticketbridge.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.ChangeType;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.contracts.events.TaskDetails;
import dev.ticketbridge.ticket.service.TicketFields;
import dev.ticketbridge.ticket.support.Shares;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketFieldsTest {

    @Test
    void longTaskNameIsCutToServiceNowsShortDescriptionLength() {
        ShareRequested share = Shares.change("tenant-fields")
                .task(new TaskDetails("x".repeat(300), "", Priority.LOW, LocalDate.of(2026, 12, 10))).build();

        Map<String, String> fields = TicketFields.of(share);

        assertThat(fields.get("short_description")).hasSize(160).startsWith(TicketFields.PREFIX);
        assertThat(fields.get("description")).startsWith("Microsoft 365 Security and Configuration Change Request");
        assertThat(fields).containsEntry("due_date", "2026-12-10 23:59:59").containsEntry("risk", "4")
                .containsEntry("impact", "2").containsEntry("urgency", "3");
    }

    @Test
    void standardChangeIsRequestedAsStandard() {
        ShareRequested share = Shares.change("tenant-fields").changeType(ChangeType.STANDARD).build();

        assertThat(TicketFields.of(share)).containsEntry("type", "standard");
    }

    @Test
    void incidentCarriesNoChangeOnlyFields() {
        Map<String, String> fields = TicketFields.of(Shares.incident("tenant-fields").priority(Priority.CRITICAL).build());

        assertThat(fields).doesNotContainKeys("priority", "risk", "type")
                .containsEntry("impact", "1").containsEntry("urgency", "1");
    }
}
