package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** All tickets: the table, its filters, keyset "load more", and pending and failed shares with their reason. */
class TicketsPageTest extends BrowserTest {

    @BeforeEach
    void tenantWithTickets() {
        connected();
        api.tickets = Samples.tickets();
    }

    @Test
    void tableShowsEveryColumnWithTheNumberLinkedToServiceNow() {
        open("tickets");

        assertThat(page.locator(".data-table th")).hasText(new String[] {
            "Type", "Number", "Name", "State", "Priority", "Due date", "Shared by", "Last update"});
        Locator overdue = row("CHG0030041");
        assertThat(overdue.getByRole(AriaRole.LINK)).hasAttribute("href",
                "https://contoso.service-now.com/change_request.do?sys_id=00000000-0000-0000-0000-000000000003");
        assertThat(overdue).containsText("Change request");
        assertThat(overdue).containsText("Awaiting CAB");
        assertThat(overdue).containsText("High");
        assertThat(overdue).containsText("Overdue");
        assertThat(overdue).containsText("alex.admin@contoso.example");
        screenshot("tickets");
    }

    @Test
    void pendingAndFailedSharesAreListedWithTheirReason() {
        open("tickets");

        assertThat(row("Turn on Safe Links").locator(".badge-pending")).hasText("Waiting for ServiceNow");
        Locator failed = row("Apply sensitivity labels");
        assertThat(failed.locator(".badge-failed")).hasText("Failed");
        assertThat(failed.locator(".failure-note"))
                .containsText("Operation against file 'incident' was aborted by Business Rule 'Block external'");
        assertThat(failed.locator(".failure-note")).containsText("ServiceNow refused the ticket");
    }

    @Test
    void filtersNarrowTheListAndAreSentToTheApi() {
        open("tickets");
        assertThat(page.locator(".ticket-row")).hasCount(6);

        page.getByLabel("Type").selectOption("INCIDENT");
        assertThat(page.locator(".ticket-row")).hasCount(3);
        page.getByLabel("State").selectOption("In Progress");
        assertThat(page.locator(".ticket-row")).hasCount(1);
        assertThat(page.locator(".ticket-row")).containsText("INC0010007");

        page.getByLabel("Type").selectOption("");
        page.getByLabel("State").selectOption("");
        page.getByLabel("Overdue only").check();
        assertThat(page.locator(".ticket-row")).hasCount(1);
        assertThat(page.locator(".ticket-row")).containsText("CHG0030041");

        page.getByLabel("Overdue only").uncheck();
        assertThat(page.locator(".ticket-row")).hasCount(6);
        page.getByLabel("Search").fill("multifactor");
        assertThat(page.locator(".ticket-row")).hasCount(1);
        assertThat(page.locator(".ticket-row")).containsText("Ensure multifactor authentication");

        page.getByLabel("Search").fill("nothing like this");
        assertThat(page.locator(".empty")).hasText("No tickets match these filters.");

        assertThat(api.calls(call -> call.path().equals("tickets")))
                .anySatisfy(call -> assertThat(call.query()).containsEntry("type", "INCIDENT")
                        .containsEntry("state", "In Progress"))
                .anySatisfy(call -> assertThat(call.query()).containsEntry("overdue", "true"))
                .anySatisfy(call -> assertThat(call.query()).containsEntry("text", "multifactor"));
    }

    @Test
    void loadMoreFetchesTheNextPageByCursor() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Samples.ticket(String.format("00000000-0000-0000-0000-%012d", 100 + i), "INCIDENT", "CREATED",
                    "INC00200" + (10 + i), "Ticket " + i, "New", "LOW", LocalDate.now().plusDays(9), false));
        }
        api.tickets = many;
        open("tickets");
        assertThat(page.locator(".ticket-row")).hasCount(25);

        page.getByText("Load more").click();

        assertThat(page.locator(".ticket-row")).hasCount(30);
        assertThat(page.getByText("Load more")).isHidden();
        assertThat(api.calls(call -> call.path().equals("tickets")))
                .anySatisfy(call -> assertThat(call.query()).containsEntry("cursor", "c25"));
    }

    @Test
    void scriptInATicketNameIsShownAsText() {
        api.tickets = List.of(Samples.ticket("00000000-0000-0000-0000-000000000009", "INCIDENT", "CREATED",
                "INC0010099", Samples.SCRIPT_TITLE, "New", "LOW", LocalDate.now().plusDays(3), false));
        open("tickets");

        assertThat(page.locator(".ticket-name")).hasText(Samples.SCRIPT_TITLE);
        assertThat(page.locator("main script, main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
    }

    private Locator row(String text) {
        return page.locator(".ticket-row").filter(new Locator.FilterOptions().setHasText(text));
    }
}
