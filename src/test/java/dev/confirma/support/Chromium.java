package dev.confirma.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's headless Chromium (Debian's {@code chromium} package), driven by Playwright
 * without its own browser download. CI installs it and requires it; on a developer machine
 * without it the browser tests are skipped with a message saying how to get it.
 */
public final class Chromium implements AutoCloseable {

    private static final String DEFAULT_PATH = "/usr/bin/chromium";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getProperty("test.chromium", System.getenv().getOrDefault("CONFIRMA_CHROMIUM", DEFAULT_PATH)));
        if (!Files.isExecutable(executable)) {
            String missing = "no Chromium at " + executable + " (apt-get install chromium, or set CONFIRMA_CHROMIUM)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + ": CI must run the browser tests");
            }
            Assumptions.abort(missing + ": browser tests skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // the flags keep Chromium from reaching for Google's services, which a closed network refuses
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
