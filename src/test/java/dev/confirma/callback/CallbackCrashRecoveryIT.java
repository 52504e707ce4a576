package dev.confirma.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confirma.support.PackagedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged server (target/quarkus-app/quarkus-run.jar, run by {@code ./mvnw verify}) is
 * killed with SIGKILL in the middle of a burst of callbacks and webhook events, then started
 * again on the same database: every order's callback and every event to each of two webhook
 * subscriptions arrives at least once, signed with its target's secret, and a duplicate
 * carries the webhook-id of the first.
 */
class CallbackCrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final int ORDERS = 24;

    private final Path workDir = PackagedServer.workDir("confirma-crash-it");
    private final int port = PackagedServer.freePort();
    private Process server;
    private HttpServer receiver;
    /** Each request waits for a permit before it is answered: the test decides how far the burst gets. */
    private final Semaphore answers = new Semaphore(0);
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        answers.release(10_000);
        if (server != null) {
            server.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void shouldKeepEveryAnsweredCheckoutWhenTheServerIsKilledRightAfter() throws Exception {
        startReceiver();
        server = startServer("durable-first.log");
        JsonNode store = post("/admin/stores", Map.of("Authorization", "Bearer " + ADMIN_TOKEN), Map.of(
                "name", "Durable shop", "wallets", List.of(Map.of("protocol", "CELO", "address", randomAddress()))), 201);
        Map<String, String> asStore = Map.of("x-api-key", store.get("apiKey").asText());
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orderIds.add(post("/plugins/orders/checkout", asStore, checkout(store.get("id").asText(), "durable-" + i), 200)
                    .get("id").asText());
        }
        // no pause: what the plugin was told is stored must be stored, even if the process dies this instant
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        server = startServer("durable-second.log");
        for (String orderId : orderIds) {
            get("/plugins/orders/" + orderId, asStore);
        }
    }

    @Test
    void shouldDeliverEveryCallbackAtLeastOnceWhenTheServerIsKilledMidBurst() throws Exception {
        startReceiver();
        server = startServer("first.log");
        JsonNode store = post("/admin/stores", Map.of("Authorization", "Bearer " + ADMIN_TOKEN), Map.of(
                "name", "Crash shop",
                "wallets", List.of(Map.of("protocol", "CELO", "address", randomAddress()),
                        Map.of("protocol", "ETHEREUM", "address", randomAddress()))), 201);
        Map<String, String> asStore = Map.of("x-api-key", store.get("apiKey").asText());
        String secret = store.get("webhookSecret").asText();
        Map<String, String> asMerchant = Map.of("Authorization", "Bearer " + store.get("apiKey").asText());
        Map<String, String> secrets = new HashMap<>(Map.of("/wc-api/cryptum", secret));
        for (String path : List.of("/hooks/erp", "/hooks/books")) {
            JsonNode hook = post("/v1/webhooks", asMerchant, Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                    "events", List.of("order.created", "order.cancelled")), 201);
            secrets.put(path, hook.get("secret").asText());
        }

        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String orderId = post("/plugins/orders/checkout", asStore, checkout(store.get("id").asText(), "crash-" + i), 200)
                    .get("id").asText();
            put("/plugins/checkout/" + orderId, asStore, Map.of("paymentStatus", "cancelled"));
            orderIds.add(orderId);
        }

        // let a few callbacks through, then kill the server while others are on the wire
        answers.release(5);
        Awaitility.await("five callbacks answered").atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= 5);
        Awaitility.await("more callbacks in flight").atMost(Duration.ofSeconds(30)).until(() -> received.size() > answered.get());
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int beforeCrash = received.size();
        assertTrue(beforeCrash < ORDERS * 5, "the crash came before the burst was over (" + beforeCrash + " received)");

        server = startServer("second.log");
        answers.release(10_000);
        // nothing committed before the SIGKILL is lost: every order is still there
        for (String orderId : orderIds) {
            get("/plugins/orders/" + orderId, asStore);
        }

        // per order: the plugin's callback, and order.created and order.cancelled to each subscription
        Set<String> expected = new java.util.HashSet<>();
        for (String orderId : orderIds) {
            expected.add("/wc-api/cryptum " + orderId + " order.cancelled");
            for (String path : List.of("/hooks/erp", "/hooks/books")) {
                expected.add(path + " " + orderId + " order.created");
                expected.add(path + " " + orderId + " order.cancelled");
            }
        }
        Awaitility.await("every callback and event").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> received.stream().map(CallbackCrashRecoveryIT::what).collect(Collectors.toSet()).containsAll(expected));
        Map<String, Set<String>> webhookIds = new ConcurrentHashMap<>();
        for (Map<String, String> callback : received) {
            webhookIds.computeIfAbsent(what(callback), id -> ConcurrentHashMap.newKeySet()).add(callback.get("webhook-id"));
            assertEquals(hmac(secrets.get(callback.get("path")), callback.get("body").getBytes(StandardCharsets.UTF_8)),
                    callback.get("x-webhook-signature"), callback.get("path"));
        }
        assertEquals(expected, webhookIds.keySet());
        webhookIds.forEach((event, ids) -> assertEquals(1, ids.size(), event + ": duplicates keep one webhook-id"));
        System.out.printf("%d callbacks and events received, %d expected: %d before the SIGKILL, %d duplicates%n",
                received.size(), expected.size(), beforeCrash, received.size() - expected.size());
        Awaitility.await("nothing left pending").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                get("/admin/deliveries?state=pending&limit=100", Map.of("Authorization", "Bearer " + ADMIN_TOKEN)).get("deliveries").isEmpty());
        assertTrue(get("/admin/deliveries?state=dead&limit=100", Map.of("Authorization", "Bearer " + ADMIN_TOKEN))
                .get("deliveries").isEmpty());
    }

    /** Where it went, which order, which event. */
    private static String what(Map<String, String> callback) {
        return callback.get("path") + " " + callback.get("orderId") + " " + callback.get("event");
    }

    private Map<String, Object> checkout(String storeId, String ecommerceOrderId) {
        return PackagedServer.pluginCheckout(storeId, ecommerceOrderId,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/wc-api/cryptum");
    }

    private Process startServer(String logName) throws IOException {
        int deadRpc = PackagedServer.freePort();
        return PackagedServer.start(logName.replace(".log", ""), workDir, port, List.of(
                // the default URL's options (application.properties), on a directory of the test's own
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + workDir.resolve("db/confirma") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "-Dconfirma.admin-token=" + ADMIN_TOKEN,
                "-Dconfirma.rates.providers=fixed",
                "-Dconfirma.rates.fixed.\"CELO/USD\"=0.5",
                // no chain is reachable: the watcher only logs, checkouts are still quoted
                "-Dconfirma.chains.celo.rpc-urls=http://127.0.0.1:" + deadRpc,
                "-Dconfirma.chains.ethereum.rpc-urls=http://127.0.0.1:" + deadRpc,
                "-Dconfirma.callbacks.allow-private-targets=true",
                "-Dconfirma.callbacks.poll-interval=PT0.2S",
                "-Dconfirma.callbacks.connect-timeout=PT1S",
                "-Dconfirma.callbacks.timeout=PT3S",
                "-Dconfirma.callbacks.retry-delays=PT1S,PT1S,PT2S,PT2S,PT5S,PT5S,PT10S,PT10S,PT10S,PT10S"), Map.of()).process();
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> callback = new HashMap<>();
        callback.put("body", body);
        JsonNode json = JSON.readTree(body);
        callback.put("path", exchange.getRequestURI().getPath());
        // a Cryptum callback names its order at the top; an event has the order under data
        callback.put("orderId", json.has("orderId") ? json.get("orderId").asText() : json.at("/data/order/id").asText());
        callback.put("event", json.get("event").asText());
        callback.put("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"));
        callback.put("x-webhook-signature", exchange.getRequestHeaders().getFirst("x-webhook-signature"));
        received.add(callback);
        try {
            if (!answers.tryAcquire(60, TimeUnit.SECONDS)) {
                exchange.close();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        answered.incrementAndGet();
    }

    private JsonNode post(String path, Map<String, String> headers, Object body, int expectedStatus) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), headers, expectedStatus);
    }

    private void put(String path, Map<String, String> headers, Object body) throws Exception {
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), headers, 200);
    }

    private JsonNode get(String path, Map<String, String> headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), headers, 200);
    }

    private JsonNode send(HttpRequest.Builder request, Map<String, String> headers, int expectedStatus) throws Exception {
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String hmac(String secret, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content));
    }

    /** A fresh lower-case address (no checksum to get wrong). */
    private static String randomAddress() {
        return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

}
