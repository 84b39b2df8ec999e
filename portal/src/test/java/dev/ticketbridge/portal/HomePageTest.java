package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Home: the invitation to connect, and the two ticket cards once connected. */
class HomePageTest extends BrowserTest {

    @Test
    void withoutConnectionInvitesToConnectServiceNow() {
        open("home");

        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Do you use ServiceNow?"))).isVisible();
        Locator connect = page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Connect to ServiceNow"));
        assertThat(connect).isVisible();
        assertThat(page.locator(".card-tickets")).hasCount(0);
        screenshot("home-not-connected");

        connect.click();
        assertThat(page.locator("h1")).hasText("ServiceNow setup");
    }

    @Test
    void connectedShowsCountsPerStateWithTheTenantsStateNames() {
        connected();
        open("home");

        Locator change = page.locator(".card-tickets[data-type='CHANGE_REQUEST']");
        Locator incident = page.locator(".card-tickets[data-type='INCIDENT']");
        assertThat(change.locator(".card-title")).hasText("Change management tickets");
        assertThat(incident.locator(".card-title")).hasText("Incident management tickets");
        assertThat(change.locator(".state-bar").filter(new Locator.FilterOptions().setHasText("Awaiting CAB"))
                .locator(".state-count")).hasText("3");
        assertThat(change.locator(".figure-total .figure-value")).hasText("12");
        assertThat(change.locator(".figure-alert .figure-value")).hasText("2");
        assertThat(change.locator(".figure-points .figure-value")).hasText("21");
        assertThat(incident.locator(".state-name")).hasText(new String[] {"New", "In Progress", "Resolved"});
        for (Locator card : new Locator[] {change, incident}) {
            assertThat(card.getByText("Create ticket")).isVisible();
            assertThat(card.getByText("View all tickets")).isVisible();
            assertThat(card.getByText("Manage ServiceNow configuration")).isVisible();
        }
        screenshot("home-connected");

        incident.getByText("View all tickets").click();
        assertThat(page.locator("#filter-type")).hasValue("INCIDENT");
    }

    @Test
    void createTicketLeadsToTheActionsWithTheTicketTypeChosen() {
        connected();
        open("home");

        page.locator(".card-tickets[data-type='INCIDENT']").getByText("Create ticket").click();

        assertThat(page.locator("h1")).hasText("Improvement actions");
        assertThat(page.locator(".notice-info").first()).containsText("as an incident");
    }

    @Test
    void everyApiCallCarriesTheCsrfHeader() {
        connected();
        open("home");
        assertThat(page.locator(".card-tickets")).hasCount(2);

        assertThat(api.calls()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.requestedWith()).isEqualTo("ticketbridge-portal"));
    }
}
