package dev.confirma.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}, built by {@code ./mvnw verify})
 * as a process of its own, for the *IT tests that kill it, restart it or start two: started with
 * the given system properties in a working directory of the test's, its console in a log file,
 * up once {@code /q/health/live} answers.
 */
public final class PackagedServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PackagedServer(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar on {@code port} with {@code properties} ({@code -Dkey=value} each) and {@code environment} added. */
    public static PackagedServer start(String name, Path workDir, int port, List<String> properties, Map<String, String> environment)
            throws IOException {
        String jar = System.getProperty("confirma.it.jar", "target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(Path.of(jar)), "no packaged server at " + jar + ": run ./mvnw verify");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        command.addAll(properties);
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PackagedServer server = new PackagedServer(name, port, builder.start(), log);
        try {
            Awaitility.await(name + " server up (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> {
                        assertTrue(server.process.isAlive(), "the server exited; see " + log);
                        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/q/health/live"))).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException notUp) {
            System.err.println(Files.readString(log));
            throw notUp;
        }
        return server;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would: nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A JSON request (no body for {@code null}); the answer must have status {@code expected}. */
    public JsonNode send(String method, String path, Map<String, String> headers, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), name + " " + method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** A valid plugin checkout of 10.00 USD for {@code storeId}, its callbacks to {@code callbackUrl}. */
    public static Map<String, Object> pluginCheckout(String storeId, String ecommerceOrderId, String callbackUrl) {
        Map<String, Object> checkout = new java.util.HashMap<>();
        checkout.put("store", storeId);
        checkout.put("ecommerceType", "wordpress");
        checkout.put("ecommerceOrderId", ecommerceOrderId);
        checkout.put("orderTotal", "10.00");
        checkout.put("orderCurrency", "USD");
        checkout.put("callbackUrl", callbackUrl);
        checkout.put("deliveryInfo", Map.of("firstName", "Ana", "lastName", "Lima", "email", "ana@example.com", "country", "BR"));
        return checkout;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path workDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
