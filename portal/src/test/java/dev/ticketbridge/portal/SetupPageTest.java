package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ServiceNow setup: connect, authorize as the integration user, check, rename states, remove. */
class SetupPageTest extends BrowserTest {

    @Test
    void newConnectionListsThePrerequisitesAndRequiresEveryField() {
        open("setup");

        Locator prerequisites = page.locator(".prereq-list");
        assertThat(prerequisites).containsText("Kingston");
        assertThat(prerequisites).containsText("Application Registry");
        assertThat(prerequisites).containsText("integration user");
        page.getByLabel("ServiceNow instance").fill("contoso");

        page.getByText("Save and continue").click();

        assertThat(page.locator("#sn-client-id-error")).hasText("Enter the client ID.");
        assertThat(page.locator("#sn-client-secret-error")).hasText("Enter the client secret.");
        assertThat(page.getByLabel("Client ID")).isFocused();
        assertThat(api.calls(call -> call.method().equals("PUT"))).isEmpty();
        screenshot("setup-not-connected");
    }

    @Test
    void savedConnectionWaitsForAuthorizationAsTheIntegrationUser() {
        open("setup");
        page.getByLabel("ServiceNow instance").fill("contoso");
        page.getByLabel("Client ID").fill("3f9a1c0d2b7e4e55");
        page.getByLabel("Client secret").fill("s3cret-value");

        page.getByText("Save and continue").click();

        assertThat(page.locator(".status-pill")).hasText("Waiting for authorization");
        assertThat(page.getByText("Sign in as the integration user.")).isVisible();
        ApiFixture.Call put = api.calls(call -> call.method().equals("PUT")).get(0);
        assertThat(put.body()).contains("\"instance\":\"contoso\"", "\"clientSecret\":\"s3cret-value\"");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize")).click();
        page.waitForURL(Pattern.compile(".*/authorize-landing\\.html$"));
    }

    @Test
    void connectionCheckShowsEachItemWithGuidance() {
        connected();
        api.checkResult = Samples.failingCheck();
        open("setup");
        assertThat(page.locator(".status-pill")).hasText("Connected");

        page.getByText("Check connection").click();

        Locator failed = page.locator(".check-failed");
        assertThat(failed.locator(".check-name")).hasText("Application Registry readable");
        assertThat(failed.locator(".check-guidance")).containsText("accessible from all application scopes");
        assertThat(page.locator(".check-ok")).hasCount(2);
        screenshot("setup-connected");
    }

    @Test
    void stateNamesShowTheRenamesAndSaveOnlyWhatDiffersFromServiceNow() {
        connected();
        open("setup");
        Locator authorizeState = page.getByLabel("Authorize (-3)");
        assertThat(authorizeState).hasValue("Awaiting CAB");

        page.getByLabel("In Progress (2)").fill("Being fixed");
        page.getByText("Save state names").click();

        assertThat(page.getByText("State names saved.")).isVisible();
        ApiFixture.Call put = api.calls(call -> call.path().equals("connection/state-names")
                && call.method().equals("PUT")).get(0);
        assertThat(put.body()).isEqualTo(
                "{\"renames\":{\"change_request\":{\"-3\":\"Awaiting CAB\"},\"incident\":{\"2\":\"Being fixed\"}}}");
    }

    @Test
    void removingTheConnectionAsksForConfirmationFirst() {
        connected();
        open("setup");

        page.getByText("Remove connection").click();
        Locator confirm = page.getByRole(AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Remove the ServiceNow connection?"));
        assertThat(confirm).isVisible();
        assertThat(confirm.getByText("Cancel")).isFocused();
        screenshot("setup-remove-confirmation");
        page.keyboard().press("Escape");
        assertThat(confirm).hasCount(0);
        assertThat(api.calls(call -> call.method().equals("DELETE"))).isEmpty();

        page.getByText("Remove connection").click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Remove connection")).click();

        assertThat(page.locator(".status-pill")).hasText("Not connected");
        assertThat(api.calls(call -> call.method().equals("DELETE"))).hasSize(1);
    }
}
