package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The share dialog: pre-filled task, validation, problem+json field errors, and following the share to its end. */
class ShareDialogTest extends BrowserTest {

    private static final String ACTION = "Block legacy authentication";

    @BeforeEach
    void connectedTenant() {
        connected();
    }

    @Test
    void dialogIsPrefilledFromTheActionWithPlainTextRemediation() {
        Locator dialog = openShareDialog(ACTION);

        assertThat(dialog.getByLabel("Name")).hasValue(ACTION);
        assertThat(dialog.getByLabel("Description"))
                .hasValue("Block protocols that cannot do multifactor authentication.");
        assertThat(dialog.getByLabel("Priority")).hasValue("MODERATE");
        assertThat(dialog.getByLabel("Due date")).hasValue(LocalDate.now().plusDays(30).toString());
        assertThat(dialog.getByLabel("Change request")).isChecked();
        screenshot("share-dialog");
    }

    @Test
    void missingFieldsAndPastDueDateAreMarkedBeforeAnythingIsSent() {
        Locator dialog = openShareDialog(ACTION);
        dialog.getByLabel("Name").fill("   ");
        dialog.getByLabel("Description").fill("");
        dialog.getByLabel("Due date").fill("2020-01-01");

        dialog.getByText("Send to ServiceNow").click();

        assertThat(field(dialog, "name").locator(".field-error")).hasText("Enter a name.");
        assertThat(field(dialog, "description").locator(".field-error")).hasText("Enter a description.");
        assertThat(field(dialog, "dueDate").locator(".field-error")).hasText("The due date cannot be in the past.");
        assertThat(dialog.getByLabel("Name")).hasAttribute("aria-invalid", "true");
        assertThat(dialog.getByLabel("Name")).isFocused();
        assertThat(api.calls(call -> call.method().equals("POST"))).isEmpty();
    }

    @Test
    void fieldErrorsOfAProblemAnswerAppearNextToTheirFields() {
        api.shareRejection = ApiFixture.Answer.problem(400, "Invalid request", "taskName: is too long; dueDate: ...",
                List.of(Map.of("field", "taskName", "message", "must be at most 160 characters"),
                        Map.of("field", "dueDate", "message", "must not be in the past")));
        Locator dialog = openShareDialog(ACTION);

        dialog.getByText("Send to ServiceNow").click();

        assertThat(field(dialog, "name").locator(".field-error")).hasText("must be at most 160 characters");
        assertThat(field(dialog, "dueDate").locator(".field-error")).hasText("must not be in the past");
        assertThat(dialog.getByText("Send to ServiceNow")).isEnabled();
    }

    @Test
    void pendingShareTurnsIntoTheTicketNumberLinkedToServiceNow() {
        api.shareProgress = List.of(Samples.share("PENDING"), Samples.share("PENDING"), Samples.share("CREATED"));
        Locator dialog = openShareDialog(ACTION);
        dialog.getByLabel("Incident").check();
        dialog.getByLabel("Priority").selectOption("HIGH");

        dialog.getByText("Send to ServiceNow").click();

        assertThat(dialog.getByText("Sending to ServiceNow…")).isVisible();
        screenshot("share-pending");
        Locator number = dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("CHG0030042"));
        assertThat(number).isVisible();
        assertThat(number).hasAttribute("href", "https://contoso.service-now.com/change_request.do?sys_id=4c1e");
        assertThat(dialog.getByText("Ticket created in ServiceNow")).isVisible();
        screenshot("share-created");

        ApiFixture.Call post = api.calls(call -> call.method().equals("POST")).get(0);
        assertThat(post.body()).contains("\"ticketType\":\"INCIDENT\"", "\"priority\":\"HIGH\"",
                "\"taskName\":\"" + ACTION + "\"", "\"recommendationSource\":\"MICROSOFT\"", "\"category\":\"Identity\"",
                "\"actionId\":\"BlockLegacyAuthentication\"");
        assertThat(post.idempotencyKey()).isNotBlank();
    }

    @Test
    void failedShareShowsServiceNowsReasonAndWhatToDo() {
        api.shareProgress = List.of(Samples.share("PENDING"), Samples.failedShare("SERVICENOW_REJECTED",
                "Insufficient rights to insert into table change_request"));
        Locator dialog = openShareDialog(ACTION);

        dialog.getByText("Send to ServiceNow").click();

        assertThat(dialog.getByText("ServiceNow refused the ticket")).isVisible();
        assertThat(dialog.locator(".failure-message")).hasText("Insufficient rights to insert into table change_request");
        assertThat(dialog.locator(".guidance")).containsText("integration user");
        screenshot("share-failed");

        dialog.getByText("Edit and send again").click();
        assertThat(dialog.getByLabel("Name")).hasValue(ACTION);
    }

    @Test
    void tabStaysInsideTheDialogAndEscapeClosesIt() {
        Locator dialog = openShareDialog(ACTION);
        Locator close = dialog.getByLabel("Close");
        Locator send = dialog.getByText("Send to ServiceNow");

        send.focus();
        page.keyboard().press("Tab");
        assertThat(close).isFocused();
        page.keyboard().press("Shift+Tab");
        assertThat(send).isFocused();
        for (int i = 0; i < 15; i++) {
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.querySelector('dialog.modal').contains(document.activeElement)"))
                    .isEqualTo(true);
        }

        page.keyboard().press("Escape");
        assertThat(page.locator("dialog.modal")).hasCount(0);
        assertThat(page.locator("[data-action-id='BlockLegacyAuthentication'] .share-button")).isFocused();
    }

    @Test
    void scriptInAnActionTitleIsShownAsTextAndNeverRuns() {
        api.actions = List.of(Samples.action("evil", Samples.SCRIPT_TITLE, "Apps", "AzureAD", 4, 1,
                "<p>Safe text</p><script>window.__pwned = true</script>"));
        open("actions");

        assertThat(page.locator(".action-title")).hasText(Samples.SCRIPT_TITLE);
        Locator dialog = openShareDialogOnPage(Samples.SCRIPT_TITLE);
        assertThat(dialog.getByLabel("Name")).hasValue(Samples.SCRIPT_TITLE);
        assertThat(dialog.getByLabel("Description")).hasValue("Safe text");
        assertThat(page.locator("main script, dialog script, main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
    }

    private Locator openShareDialog(String actionTitle) {
        open("actions");
        return openShareDialogOnPage(actionTitle);
    }

    private Locator openShareDialogOnPage(String actionTitle) {
        Locator action = page.locator(".action").filter(new Locator.FilterOptions().setHasText(actionTitle));
        action.locator(".share-button").click();
        action.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("ServiceNow")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Share to ServiceNow"));
        assertThat(dialog).isVisible();
        return dialog;
    }

    private static Locator field(Locator dialog, String name) {
        return dialog.locator(".field[data-field='" + name + "']");
    }
}
