package dev.ticketbridge.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the portal's UI component tests: the real pages in Debian's headless Chromium, driven by Playwright,
 * against {@link PortalServer} (static assets plus an API fixture in the gateway's shapes). The full stack with the
 * real gateway is exercised by the end-to-end module. Playwright never downloads a browser here.
 */
abstract class BrowserTest {

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    static PortalServer server;
    static Playwright playwright;
    static Browser browser;

    BrowserContext context;
    Page page;
    ApiFixture api;

    @BeforeAll
    static void startBrowser() {
        server = new PortalServer();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("portal.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openContext() {
        api = server.reset();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB"));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Opens a route (home, actions, tickets, setup) and waits until the page has rendered. */
    void open(String route) {
        page.navigate(server.baseUrl() + "#/" + route);
        page.waitForSelector("body[data-ready='true']");
    }

    void connected() {
        api.connection = Samples.connection("CONNECTED");
        api.summaryTypes = Samples.busySummary();
    }

    void asReader() {
        api.roles = List.of("security-reader");
        api.userId = "robin.reader@contoso.example";
    }

    /** Saves a screenshot to target/screenshots/{name}.png: the full page, or the viewport while a dialog is open. */
    void screenshot(String name) {
        Path dir = Paths.get(System.getProperty("portal.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png"))
                .setFullPage(page.locator("dialog[open]").count() == 0));
    }
}
