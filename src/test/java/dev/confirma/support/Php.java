package dev.confirma.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's PHP command line (Debian's {@code php-cli} package), for the tests that run the
 * WooCommerce drop-in's PHP. CI installs it and requires it; on a developer machine without it
 * those tests are skipped with a message saying how to get it, as the browser tests are.
 */
public final class Php {

    private static final String DEFAULT_PATH = "/usr/bin/php";

    private Php() {
    }

    /** The php executable, or the test aborted (failed under CI) when there is none. */
    public static Path locate() {
        Path executable = Path.of(System.getProperty("test.php", System.getenv().getOrDefault("CONFIRMA_PHP", DEFAULT_PATH)));
        if (!Files.isExecutable(executable)) {
            String missing = "no PHP at " + executable + " (apt-get install php-cli, or set CONFIRMA_PHP)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + ": CI must run the WooCommerce drop-in's tests");
            }
            Assumptions.abort(missing + ": WooCommerce drop-in tests skipped");
        }
        return executable;
    }
}
