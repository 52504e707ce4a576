package dev.confirma.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.PackagedServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two packaged servers (the PostgreSQL build: {@code ./mvnw -Ppostgres verify}) on one database
 * and one real chain (a local anvil node as Celo): shoppers' orders are taken by both, paid on
 * chain, and the instance reading the chain is killed with SIGKILL while payments are being
 * decided and called back. The other takes the chain over within its lease time; at the end
 * every order is confirmed once (one decision, one outbox row per event) and every callback is
 * delivered, a duplicate only around the kill and then with its webhook-id. H2 is one process's
 * database, so the H2 build skips this test.
 */
@EnabledIfSystemProperty(named = "confirma.it.db-kind", matches = "postgresql",
        disabledReason = "several instances need a shared database: run ./mvnw -Ppostgres verify")
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "it-two-instances-token";
    private static final String DATABASE = "confirma_two_instances_it";
    private static final int ORDERS = 12;

    private final Path workDir = PackagedServer.workDir("confirma-two-instances-it");
    private final List<PackagedServer> servers = new ArrayList<>();
    private AnvilNodes.Node node;
    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.process().destroyForcibly());
        if (receiver != null) {
            receiver.stop(0);
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldDecideEveryOrderOnceAndDeliverEveryCallbackWhenTheChainReaderIsKilled() throws Exception {
        freshDatabase();
        node = AnvilNodes.Node.startStandalone(42220);
        startReceiver();
        PackagedServer first = start("first");
        PackagedServer second = start("second");

        String wallet = "0x" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "00000000000000000000";
        JsonNode store = first.send("POST", "/admin/stores", Map.of("Authorization", "Bearer " + ADMIN_TOKEN),
                Map.of("name", "Two instances shop", "wallets", List.of(Map.of("protocol", "CELO", "address", wallet))), 201);
        Map<String, String> asStore = Map.of("x-api-key", store.get("apiKey").asText());
        List<JsonNode> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            PackagedServer taking = i % 2 == 0 ? first : second; // a balancer sends shoppers to both
            orders.add(taking.send("POST", "/plugins/orders/checkout", asStore, checkout(store.get("id").asText(), "two-" + i), 200));
        }

        // the first half is paid; as soon as one payment is decided, the instance reading the chain dies
        for (int i = 0; i < ORDERS / 2; i++) {
            pay(orders.get(i));
        }
        node.mine(4);
        Awaitility.await("a first payment decided").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !received.isEmpty());
        PackagedServer reader = holderOf("chain-celo");
        reader.kill();
        PackagedServer survivor = reader == first ? second : first;
        int beforeKill = received.size();

        for (int i = ORDERS / 2; i < ORDERS; i++) {
            pay(orders.get(i));
        }
        node.mine(4);

        Awaitility.await("every order confirmed, read by the survivor").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> orders.stream().allMatch(order -> status(survivor, asStore, order).equals("confirmed")));
        assertEquals(survivor, holderOf("chain-celo"), "the survivor took the chain over");

        // one decision per order: one outbox row per order and event, exactly one of them order.confirmed
        Map<String, Integer> rows = rowsPerOrderAndEvent();
        for (JsonNode order : orders) {
            assertEquals(1, rows.get(order.get("id").asText() + " order.confirmed"), "order " + order.get("id") + " decided once");
        }
        rows.forEach((what, count) -> assertEquals(1, count, what + " queued once"));

        // every callback delivered; a duplicate carries the first one's webhook-id
        Map<String, String> webhookIds = webhookIdsOfRows();
        Awaitility.await("every callback delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> received.stream().map(r -> r.get("webhook-id")).collect(Collectors.toSet()).containsAll(webhookIds.keySet())
                        && pendingDeliveries() == 0);
        Map<String, Set<String>> idsByCallback = new ConcurrentHashMap<>();
        for (Map<String, String> callback : received) {
            String id = callback.get("webhook-id");
            assertTrue(webhookIds.containsKey(id), "every callback received is one the outbox holds: " + id);
            assertEquals(webhookIds.get(id), callback.get("orderId") + " " + callback.get("event"));
            idsByCallback.computeIfAbsent(webhookIds.get(id), key -> ConcurrentHashMap.newKeySet()).add(id);
        }
        idsByCallback.forEach((what, ids) -> assertEquals(1, ids.size(), what + ": one webhook-id"));
        long duplicates = received.size() - webhookIds.size();
        System.out.printf("%d orders, %d callbacks queued, %d received (%d before the SIGKILL of %s), %d duplicates%n",
                ORDERS, webhookIds.size(), received.size(), beforeKill, reader.name(), duplicates);
        // only the killed instance can have left a callback sent but not recorded: orders paid after the kill have no duplicate
        Set<String> paidAfterKill = orders.subList(ORDERS / 2, ORDERS).stream().map(o -> o.get("id").asText()).collect(Collectors.toSet());
        Map<String, Long> receipts = received.stream().collect(Collectors.groupingBy(r -> r.get("webhook-id"), Collectors.counting()));
        receipts.forEach((id, times) -> assertTrue(times == 1 || !paidAfterKill.contains(webhookIds.get(id).split(" ")[0]),
                webhookIds.get(id) + " was received " + times + " times, though only the survivor ever sent it"));

        // the market rates: one instance fetches them, the other reads what it published
        Awaitility.await("the survivor fetches the rates once the dead instance's lease ran out").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> holderOf("rates-refresh") == survivor);
        assertEquals(1, count("SELECT COUNT(*) FROM rate_providers WHERE name = 'fixed'"));
    }

    /** The shopper pays the order's CELO quote exactly, to its address, with no hash claimed: found by its unique amount. */
    private void pay(JsonNode order) {
        for (JsonNode quote : order.get("quotes")) {
            if (quote.get("asset").asText().equals("CELO")) {
                node.pay(quote.get("address").asText(), new BigInteger(quote.get("amountBaseUnits").asText()));
                return;
            }
        }
        throw new AssertionError("no CELO quote in " + order);
    }

    private String status(PackagedServer server, Map<String, String> asStore, JsonNode order) {
        try {
            return server.send("GET", "/plugins/orders/" + order.get("id").asText(), asStore, null, 200).get("paymentStatus").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PackagedServer holderOf(String lease) throws SQLException {
        try (Connection db = connect(DATABASE); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT holder FROM job_leases WHERE name = '" + lease + "'")) {
            assertTrue(row.next(), "someone holds " + lease);
            String holder = row.getString(1);
            return servers.stream().filter(s -> holder.contains(":" + s.process().pid() + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError(lease + " is held by " + holder + ", none of the two servers"));
        }
    }

    private Map<String, Integer> rowsPerOrderAndEvent() throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection db = connect(DATABASE); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT order_id, event, COUNT(*) FROM callback_deliveries GROUP BY order_id, event")) {
            while (row.next()) {
                rows.put(row.getString(1) + " " + row.getString(2), row.getInt(3));
            }
        }
        return rows;
    }

    private Map<String, String> webhookIdsOfRows() throws SQLException {
        Map<String, String> ids = new HashMap<>();
        try (Connection db = connect(DATABASE); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT webhook_id, order_id, event FROM callback_deliveries")) {
            while (row.next()) {
                ids.put(row.getString(1), row.getString(2) + " " + row.getString(3));
            }
        }
        return ids;
    }

    private long pendingDeliveries() throws SQLException {
        return count("SELECT COUNT(*) FROM callback_deliveries WHERE state <> 'DELIVERED'");
    }

    private long count(String sql) throws SQLException {
        try (Connection db = connect(DATABASE); Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void freshDatabase() throws SQLException {
        try (Connection db = connect("test"); Statement statement = db.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static Connection connect(String database) throws SQLException {
        String base = System.getProperty("confirma.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        return DriverManager.getConnection(base + database, System.getProperty("confirma.it.postgres-user", "postgres"), "");
    }

    private Map<String, Object> checkout(String storeId, String ecommerceOrderId) {
        return PackagedServer.pluginCheckout(storeId, ecommerceOrderId,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/wc-api/cryptum");
    }

    private PackagedServer start(String name) throws IOException {
        String base = System.getProperty("confirma.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        PackagedServer server = PackagedServer.start(name, workDir, PackagedServer.freePort(), List.of(
                "-Dquarkus.datasource.jdbc.url=" + base + DATABASE,
                "-Dquarkus.datasource.username=" + System.getProperty("confirma.it.postgres-user", "postgres"),
                "-Dconfirma.admin-token=" + ADMIN_TOKEN,
                "-Dconfirma.rates.providers=fixed",
                "-Dconfirma.rates.fixed.\"CELO/USD\"=0.5",
                "-Dconfirma.rates.refresh-interval=PT2S",
                "-Dconfirma.chains.celo.rpc-urls=" + node.url(),
                "-Dconfirma.chains.celo.poll-interval=PT0.5S",
                "-Dconfirma.chains.celo.confirmations=3",
                "-Dconfirma.chains.ethereum.enabled=false",
                // a dead instance's chain is taken over within 3 s
                "-Dconfirma.cluster.lease-ttl=PT3S",
                "-Dconfirma.callbacks.allow-private-targets=true",
                "-Dconfirma.callbacks.poll-interval=PT0.2S",
                "-Dconfirma.callbacks.connect-timeout=PT1S",
                "-Dconfirma.callbacks.timeout=PT2S",
                "-Dconfirma.callbacks.retry-delays=PT1S,PT1S,PT2S,PT2S,PT5S,PT5S,PT10S,PT10S,PT10S,PT10S"), Map.of());
        servers.add(server);
        return server;
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        JsonNode json = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> callback = new HashMap<>();
        callback.put("orderId", json.get("orderId").asText());
        callback.put("event", json.get("event").asText());
        callback.put("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"));
        received.add(callback);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }
}
