package dev.confirma.integrations;

import dev.confirma.support.Php;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The stand-in shop of {@code integrations/woocommerce/tests}: a WordPress with WooCommerce, the
 * Confirma drop-in as its must-use plugin and a stand-in of the stock Cryptum Checkout plugin.
 * Its site runs on PHP's built-in server on 127.0.0.1 (where Confirma posts its callbacks), and
 * its command-line steps ({@code run.php}) play the shop owner and the shopper; both share one
 * state directory, the shop's "database". PHP gets only the environment given here, never the
 * test JVM's (whose CONFIRMA_* variables are deliberately hostile).
 */
final class WordPressStandIn implements AutoCloseable {

    private static final Path SCRIPTS = Path.of("integrations", "woocommerce", "tests").toAbsolutePath();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path php;
    private final Path home;
    private final Map<String, String> environment;
    private final Process server;
    private final String url;

    private WordPressStandIn(Path php, Path home, Map<String, String> environment, Process server, String url) {
        this.php = php;
        this.home = home;
        this.environment = environment;
        this.server = server;
        this.url = url;
    }

    /**
     * Starts the site with {@code configuration} as its wp-config.php constants (CONFIRMA_URL,
     * CONFIRMA_WEBHOOK_SECRET) or stand-in switches (STANDIN_WITHOUT_DROPIN).
     */
    static WordPressStandIn start(Map<String, String> configuration) throws IOException {
        Path php = Php.locate();
        Path home = Files.createDirectories(Path.of("target", "woocommerce-standin", UUID.randomUUID().toString()).toAbsolutePath());
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Map<String, String> environment = new LinkedHashMap<>(configuration);
        environment.put("WP_HOME", url);
        environment.put("STANDIN_STATE", Files.createDirectories(home.resolve("state")).toString());
        ProcessBuilder site = new ProcessBuilder(php.toString(), "-d", "display_errors=stderr", "-d", "log_errors=0",
                "-S", "127.0.0.1:" + port, "site.php")
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("site.log").toFile());
        site.environment().clear();
        site.environment().putAll(environment);
        WordPressStandIn shop = new WordPressStandIn(php, home, environment, site.start(), url);
        try {
            Awaitility.await("the stand-in shop on " + url + " (log: " + home.resolve("site.log") + ")")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .failFast("the stand-in shop's PHP server exited", () -> !shop.server.isAlive())
                    .until(shop::answers);
        } catch (RuntimeException notUp) {
            shop.close();
            throw notUp;
        }
        return shop;
    }

    String url() {
        return url;
    }

    /** The callback URL the stock plugin gives Confirma: WooCommerce's API URL for its gateway class. */
    String callbackUrl() {
        return url + "/?wc-api=CryptumCheckout_Payment_Gateway";
    }

    /** Runs one step of {@code run.php} and returns the JSON it prints; a failing step fails the test. */
    JsonPath run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(php.toString(), "run.php"));
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(home, "step", ".out");
            Path err = Files.createTempFile(home, "step", ".err");
            ProcessBuilder step = new ProcessBuilder(command).directory(SCRIPTS.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            step.environment().clear();
            step.environment().putAll(environment);
            Process process = step.start();
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("run.php " + String.join(" ", arguments) + " took over " + STEP_TIMEOUT);
            }
            String printed = Files.readString(out);
            if (process.exitValue() != 0) {
                throw new AssertionError("run.php " + String.join(" ", arguments) + " exited with " + process.exitValue()
                        + ":\n" + Files.readString(err) + printed);
            }
            return JsonPath.from(printed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a callback to the shop, as anyone on the internet can: these headers, these body bytes. */
    HttpResponse<String> postCallback(Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the site's PHP server printed: requests, warnings, refusals logged by the drop-in. */
    String log() {
        try {
            return Files.readString(home.resolve("site.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }
}
