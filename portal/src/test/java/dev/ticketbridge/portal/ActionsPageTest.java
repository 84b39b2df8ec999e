package dev.ticketbridge.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Improvement actions: search, category filter, sort by max score, and the share menu by keyboard. */
class ActionsPageTest extends BrowserTest {

    @Test
    void searchAndCategoryFilterNarrowTheList() {
        connected();
        open("actions");
        assertThat(page.locator(".action")).hasCount(6);
        assertThat(page.locator("[data-action-id='MFARegistrationV2'] .score-value")).hasText("9");
        screenshot("improvement-actions");

        page.getByLabel("Category").selectOption("Identity");
        assertThat(page.locator(".action")).hasCount(2);
        page.getByLabel("Search").fill("legacy");
        assertThat(page.locator(".action-title")).hasText(new String[] {"Block legacy authentication"});

        assertThat(api.calls(call -> call.path().equals("improvement-actions")))
                .anySatisfy(call -> assertThat(call.query()).containsEntry("category", "Identity")
                        .containsEntry("text", "legacy"));
    }

    @Test
    void sortByMaxScorePutsTheHighestFirst() {
        open("actions");

        page.getByLabel("Sort by").selectOption("maxScore");

        assertThat(page.locator(".score-value").first()).hasText("9");
        assertThat(page.locator(".score-value").last()).hasText("3");
    }

    @Test
    void shareMenuWorksWithTheKeyboard() {
        connected();
        open("actions");
        Locator button = page.locator("[data-action-id='BlockLegacyAuthentication'] .share-button");

        button.focus();
        page.keyboard().press("Enter");
        Locator items = page.locator("[data-action-id='BlockLegacyAuthentication']").getByRole(AriaRole.MENUITEM);
        assertThat(items.first()).hasText("ServiceNow");
        assertThat(items.first()).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(items.nth(1)).isFocused();
        page.keyboard().press("Escape");
        assertThat(button).isFocused();
        assertThat(button).hasAttribute("aria-expanded", "false");

        page.keyboard().press("Enter");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
    }

    @Test
    void narrowScreenHidesTheNavigationBehindAMenuButton() {
        connected();
        page.setViewportSize(390, 844);
        open("home");
        assertThat(page.locator("#sidenav")).isHidden();

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(page.locator("#sidenav")).isVisible();
        page.locator("#sidenav").getByText("All tickets").click();

        assertThat(page.locator("h1")).hasText("All tickets");
        assertThat(page.locator("#sidenav")).isHidden();
        screenshot("tickets-narrow");
    }
}
