package dev.ticketbridge.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An administrator in a real browser (Debian's headless Chromium) against the whole running system: signs in at
 * the identity provider, connects ServiceNow through its log-in and consent pages, shares an improvement action
 * as a change request, sees the ticket number, sees an agent's state change reach the home card, renames that
 * state and removes the connection. Screenshots of each page go to {@code e2e/target/screenshots}.
 */
class PortalJourneyTest {

    private static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        E2eStack.get();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void administratorConnectsSharesTracksRenamesAndRemovesInTheBrowser() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            String portal = E2eStack.get().gatewayUrl() + "/";

            page.navigate(portal);
            page.locator("#username").fill(Identity.OTHER_TENANT_ADMIN);
            page.locator("#password").fill("fran-demo-pass");
            page.locator("#kc-login").click();
            ready(page);
            shot(page, "home-not-connected");

            open(page, portal, "setup");
            page.locator("#sn-instance").fill(E2eStack.get().emulatorUrl());
            page.locator("#sn-client-id").fill(ServiceNowEmulator.CLIENT_ID);
            page.locator("#sn-client-secret").fill(ServiceNowEmulator.CLIENT_SECRET);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
            assertThat(page.locator("[data-status='PENDING_AUTHORIZATION']")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize").setExact(true)).click();

            page.locator("input[name=user_name]").fill(ServiceNowEmulator.INTEGRATION_USER);
            page.locator("input[name=user_password]").fill(ServiceNowEmulator.INTEGRATION_PASSWORD);
            page.locator("button[name=login]").click();
            page.locator("button[value=allow]").click();
            ready(page);
            assertThat(page.locator("[data-status='CONNECTED']")).isVisible();
            shot(page, "setup-connected");

            open(page, portal, "actions");
            Locator action = page.locator(".action").first();
            action.locator(".share-button").click();
            action.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("ServiceNow")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Share to ServiceNow"));
            assertThat(dialog.getByLabel("Change request")).isChecked();
            shot(page, "share-dialog");
            dialog.getByText("Send to ServiceNow").click();
            Locator number = dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("CHG\\d{7}")));
            assertThat(number).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(60_000));
            String change = number.textContent().trim();
            shot(page, "share-created");
            page.keyboard().press("Escape");

            ServiceNowEmulator emulator = Journeys.emulator();
            String sysId = emulator.records("change_request", "number=" + change).get(0).get("sys_id").toString();
            emulator.setState("change_request", sysId, "-4");
            awaitText(page, portal, "home", "Assess");
            shot(page, "home-connected");

            open(page, portal, "setup");
            Locator changeStates = page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Change request states"));
            changeStates.getByLabel(Pattern.compile("^Assess")).fill("Under assessment");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save state names")).click();
            awaitText(page, portal, "tickets", "Under assessment");
            shot(page, "tickets");

            open(page, portal, "setup");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove connection")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Remove connection")).click();
            awaitSelector(page, portal, "setup", "[data-status='REMOVED'], [data-status='NOT_CONNECTED']");
        }
    }

    private static void open(Page page, String portal, String route) {
        page.navigate(portal + "#/" + route);
        page.reload();
        ready(page);
    }

    private static void ready(Page page) {
        page.waitForSelector("body[data-ready='true']");
    }

    /** Re-opens a page until it shows the text: the portal shows what the read model holds when it is opened. */
    private static void awaitText(Page page, String portal, String route, String text) {
        await().atMost(Journeys.DEADLINE).until(() -> {
            open(page, portal, route);
            return page.getByText(text).count() > 0;
        });
    }

    private static void awaitSelector(Page page, String portal, String route, String selector) {
        await().atMost(Journeys.DEADLINE).until(() -> {
            open(page, portal, route);
            return page.locator(selector).count() > 0;
        });
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
