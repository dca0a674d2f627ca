package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;

/**
 * Real Chromium (Debian's /usr/bin/chromium, headless) driven by Playwright against the app under
 * test. Without Chromium the browser tests are skipped with a how-to; with CI=true they fail.
 * Every page a test loads must be checked with {@link Session#check}: axe-core finds no serious or
 * critical accessibility violation there, and the main pages are saved to target/screenshots/.
 * ACCESSIBILITY_AUDIT=off leaves axe-core out (the pages are still driven and asserted): CI's
 * second run, on MariaDB, sets it, as the markup does not depend on the database and the audit is
 * half of a browser test's time.
 */
public final class Browser {

    public static final Path CHROMIUM = Paths.get(env("CHROMIUM_PATH", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> IMPACTS_THAT_FAIL = List.of("serious", "critical");
    private static final boolean AUDIT = !"off".equals(System.getenv("ACCESSIBILITY_AUDIT"));

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    /** A URL pattern for {@code assertThat(page).hasURL(...)}: the app's page at this path (any query allowed). */
    public static java.util.regex.Pattern at(String path) {
        return java.util.regex.Pattern.compile("^https?://[^/]+" + path.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0") + "(\\?.*)?$");
    }

    /** Skips the calling test when Chromium is missing on a developer machine; fails in CI. */
    public static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = "Browser tests need Chromium at " + CHROMIUM + ": run `apt-get install -y chromium` (as root),"
                + " or point CHROMIUM_PATH at a Chromium binary.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** A fresh browser window with its own cookies, at the app's test URL. */
    public static Session open() {
        return open(true);
    }

    /** As {@link #open()}, optionally with JavaScript switched off (pages must work without it). */
    public static synchronized Session open(boolean javaScript) {
        requireChromium();
        if (chromium == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::shutdown));
        }
        return new Session(newContext(javaScript), javaScript);
    }

    private static BrowserContext newContext(boolean javaScript) {
        String baseUrl = ConfigProvider.getConfig().getValue("test.url", String.class);
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setJavaScriptEnabled(javaScript).setViewportSize(1280, 900));
    }

    private static synchronized void shutdown() {
        if (chromium != null) {
            chromium.close();
            playwright.close();
            chromium = null;
        }
    }

    /** One browser window. Close it (try-with-resources) to check that no loaded page went unchecked. */
    public static final class Session implements AutoCloseable {

        private final BrowserContext context;
        private final boolean javaScript;
        private final Page page;
        private final List<String> unchecked = new ArrayList<>();
        private String loadedUrl;
        private boolean loadedChecked = true;

        Session(BrowserContext context, boolean javaScript) {
            this.context = context;
            this.javaScript = javaScript;
            this.page = context.newPage();
            page.onLoad(p -> {
                if (!loadedChecked) {
                    unchecked.add(loadedUrl);
                }
                loadedUrl = p.url();
                loadedChecked = false;
            });
        }

        public Page page() {
            return page;
        }

        /** Opens a path of the app and checks the page. */
        public Page visit(String path) {
            page.navigate(path);
            check();
            return page;
        }

        /** Opens a path, checks it and saves a screenshot as target/screenshots/&lt;name&gt;.png. */
        public Page visit(String path, String screenshot) {
            page.navigate(path);
            check(screenshot);
            return page;
        }

        /**
         * Runs axe-core on the page as it is now: no serious or critical violations allowed. axe-core
         * is a script, so in a window without JavaScript it checks the same address, with the same
         * cookies, in a twin window that has it (every page is a GET after redirect-after-POST).
         */
        public void check() {
            page.waitForLoadState(LoadState.LOAD);
            if (javaScript) {
                assertAccessible(page);
            } else {
                try (BrowserContext twin = newContext(true)) {
                    twin.addCookies(context.cookies());
                    Page copy = twin.newPage();
                    copy.navigate(page.url());
                    assertAccessible(copy);
                }
            }
            loadedChecked = true;
        }

        private static void assertAccessible(Page page) {
            if (!AUDIT) {
                return;
            }
            var violations = new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(rule -> IMPACTS_THAT_FAIL.contains(rule.getImpact()))
                    .toList();
            if (!violations.isEmpty()) {
                fail("Accessibility violations on " + page.url() + ":\n" + describe(violations));
            }
        }

        /** {@link #check()} and a full-page screenshot saved as target/screenshots/&lt;name&gt;.png. */
        public void check(String screenshot) {
            check();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshot + ".png")).setFullPage(true));
        }

        /** Logs in through the login form and checks the page it lands on. */
        public void logIn(String username, String password) {
            visit("/login");
            page.getByLabel("Username").fill(username);
            page.getByLabel("Password").fill(password);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForLoadState(LoadState.LOAD);
            check();
        }

        public void logOut() {
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Log out")).click();
            page.waitForURL("**/login?loggedOut=1");
            check();
        }

        @Override
        public void close() {
            if (!loadedChecked && loadedUrl != null) {
                unchecked.add(loadedUrl);
            }
            context.close();
            if (!unchecked.isEmpty()) {
                fail("Pages loaded but never checked with axe-core: " + unchecked);
            }
        }

        private static String describe(List<Rule> violations) {
            return violations.stream().map(rule -> "- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + "\n    "
                    + rule.getNodes().stream().map(n -> n.getHtml()).limit(5).collect(Collectors.joining("\n    ")))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
