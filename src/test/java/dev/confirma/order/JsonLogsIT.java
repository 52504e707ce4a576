package dev.confirma.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.support.PackagedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged server with {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}, as an operator would
 * switch it: every console line is one JSON object, and a status change carries its order and
 * store as MDC fields beside the message.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "it-json-admin-token";

    private final int port = PackagedServer.freePort();
    private PackagedServer packaged;
    private Process server;
    private Path log;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void shouldPrintOneJsonObjectPerLineWithTheOrderInItsFieldsWhenSwitchedOnByEnvironment() throws Exception {
        Path workDir = Files.createTempDirectory("confirma-json-logs-it");
        log = workDir.resolve("server.log");
        server = start(workDir);

        JsonNode store = send("POST", "/admin/stores", Map.of("Authorization", "Bearer " + ADMIN_TOKEN),
                Map.of("name", "Json shop", "wallets", List.of(Map.of("protocol", "CELO", "address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))), 201);
        String storeId = store.get("id").asText();
        Map<String, String> asStore = Map.of("x-api-key", store.get("apiKey").asText());
        Map<String, Object> checkout = new HashMap<>(Map.of("store", storeId, "ecommerceType", "wordpress", "ecommerceOrderId", "J-1",
                "orderTotal", "10", "orderCurrency", "USD", "callbackUrl", "http://127.0.0.1:9/callback",
                "deliveryInfo", Map.of("firstName", "Ana", "lastName", "Lima", "email", "ana@example.com", "country", "BR")));
        String orderId = send("POST", "/plugins/orders/checkout", asStore, checkout, 200).get("id").asText();
        send("PUT", "/plugins/checkout/" + orderId, asStore, Map.of("paymentStatus", "cancelled"), 200);

        Awaitility.await("the status change in the log").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(log).contains("payment pending -> cancelled"));
        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stopped");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode parsed = JSON.readTree(line); // throws on any line that is not JSON
            assertTrue(parsed.isObject(), line);
            for (String field : List.of("timestamp", "level", "loggerName", "message")) {
                assertTrue(parsed.hasNonNull(field), field + " missing in " + line);
            }
            lines.add(parsed);
        }
        assertTrue(lines.size() > 3, "the server logged its start as JSON: " + lines.size() + " lines");
        JsonNode change = lines.stream()
                .filter(l -> l.get("loggerName").asText().equals(OrderStatusLog.class.getName()))
                .filter(l -> l.get("message").asText().contains("payment pending -> cancelled"))
                .findFirst().orElseThrow();
        assertEquals("INFO", change.get("level").asText());
        assertEquals(orderId, change.path("mdc").path("orderId").asText());
        assertEquals(storeId, change.path("mdc").path("storeId").asText());
        assertFalse(Files.readString(log).contains(store.get("apiKey").asText()), "the store key is not in the log");
    }

    private Process start(Path workDir) throws IOException {
        int deadRpc = PackagedServer.freePort();
        packaged = PackagedServer.start("server", workDir, port, List.of(
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + workDir.resolve("db/confirma") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "-Dconfirma.admin-token=" + ADMIN_TOKEN,
                "-Dconfirma.rates.providers=fixed",
                "-Dconfirma.rates.fixed.\"CELO/USD\"=0.5",
                "-Dconfirma.chains.celo.rpc-urls=http://127.0.0.1:" + deadRpc,
                "-Dconfirma.chains.ethereum.rpc-urls=http://127.0.0.1:" + deadRpc,
                "-Dconfirma.callbacks.allow-private-targets=true"),
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        return packaged.process();
    }

    private JsonNode send(String method, String path, Map<String, String> headers, Object body, int expected) throws Exception {
        return packaged.send(method, path, headers, body, expected);
    }
}
