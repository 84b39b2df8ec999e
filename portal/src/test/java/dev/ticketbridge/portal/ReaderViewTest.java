package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A security reader sees every page and figure, but none of the actions the role may not take. */
class ReaderViewTest extends BrowserTest {

    @BeforeEach
    void readerOfAConnectedTenant() {
        connected();
        asReader();
    }

    @Test
    void homeCardsOfferNoCreateTicket() {
        open("home");

        assertThat(page.locator(".user-role")).hasText("Security reader");
        assertThat(page.locator(".card-tickets")).hasCount(2);
        assertThat(page.getByText("View all tickets")).hasCount(2);
        assertThat(page.getByText("Create ticket")).hasCount(0);
        screenshot("home-reader");
    }

    @Test
    void shareMenuHasNoServiceNowOption() {
        open("actions");
        Locator action = page.locator(".action").first();

        action.locator(".share-button").click();

        assertThat(action.getByRole(AriaRole.MENUITEM)).hasText(new String[] {"Email", "Copy link"});
    }

    @Test
    void setupShowsStatusButNoConnectAuthorizeRemoveOrSave() {
        open("setup");

        assertThat(page.locator(".status-pill")).hasText("Connected");
        assertThat(page.getByText("You have read access")).isVisible();
        assertThat(page.getByText("Check connection")).isVisible();
        assertThat(page.locator(".connect-form")).hasCount(0);
        assertThat(page.getByText("Authorize again")).hasCount(0);
        assertThat(page.getByText("Remove connection")).hasCount(0);
        assertThat(page.getByText("Save state names")).hasCount(0);
        assertThat(page.getByLabel("New (-5)")).isDisabled();
    }

    @Test
    void withoutConnectionReadersAreToldWhoCanConnect() {
        api.connection = null;
        api.summaryTypes = Samples.emptySummary();
        open("home");

        assertThat(page.getByText("Do you use ServiceNow?")).isVisible();
        assertThat(page.getByText("Connect to ServiceNow")).hasCount(0);
        assertThat(page.getByText("An administrator of your organisation can connect ServiceNow.")).isVisible();
    }

    @Test
    void whenTheGatewayCannotTellTheRoleAdministratorActionsStayAndTheApiDecides() {
        api.meEndpoint = false;
        open("home");

        assertThat(page.getByText("Create ticket")).hasCount(2);
    }
}
