package dev.confirma.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackWorker;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After an order paid on a real node and its callbacks delivered, {@code /q/metrics} (Prometheus)
 * shows each of Confirma's own metrics with what happened: the order counted, confirmed, the
 * payment's time from seen to confirmed, the RPC requests per method, the confirmed callback's
 * delivery delay, blocks behind, rate age; and Quarkus' HTTP server timings.
 */
@QuarkusTest
class MetricsTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    CallbackWorker worker;

    @Inject
    StateGauges gauges;

    @Test
    void shouldShowThePaidOrderInEveryMetricAfterItIsConfirmedAndCalledBack() {
        String wallet = Fixtures.randomAddress();
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Metered shop", wallet);
        Map<String, Double> before = scrape();
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            Map<String, Object> body = Fixtures.checkout(store);
            body.put("callbackUrl", receiver.url("/callback"));
            var checkout = Fixtures.postCheckout(store, body).statusCode(200).extract().jsonPath();
            String due = checkout.getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits");
            AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
            AnvilNodes.CELO.mine(1);
            watcher.poll(TestChains.CELO); // seen
            AnvilNodes.CELO_PROXY.cut();
            try {
                watcher.poll(TestChains.CELO); // fails on every endpoint
            } finally {
                AnvilNodes.CELO_PROXY.restore();
            }
            TestClockProducer.clock().advance(Duration.ofSeconds(30));
            AnvilNodes.CELO.mine(10);
            watcher.poll(TestChains.CELO); // confirmed 30 s later
            store.asPlugin().get("/plugins/orders/" + checkout.getString("id")).then().body("paymentStatus", org.hamcrest.Matchers.equalTo("confirmed"));
            TestClockProducer.clock().advance(Duration.ofSeconds(2));
            worker.deliverDue();
            assertTrue(receiver.receivedAt("/callback").size() >= 2, "on-hold and confirmed delivered");
        }
        gauges.refresh();
        Map<String, Double> after = scrape();

        // at least: a test before this one may still have a request of its own finishing
        assertTrue(delta(before, after, "confirma_checkouts_created_total") >= 1);
        // at least: the blocks mined here also confirm payments earlier tests left waiting on this chain
        assertTrue(delta(before, after, "confirma_payment_seen_to_confirmed_seconds_count") >= 1);
        assertTrue(delta(before, after, "confirma_payment_seen_to_confirmed_seconds_sum") >= 30, "seen 30 s before confirmed");
        assertTrue(after.getOrDefault("confirma_orders{payment_status=\"confirmed\"}", 0.0) >= 1);
        assertTrue(after.getOrDefault("confirma_orders_lifecycle{status=\"PAID\"}", 0.0) >= 1);
        assertTrue(delta(before, after, "confirma_rpc_requests_total{chain=\"CELO\",method=\"eth_blockNumber\"}") >= 2);
        assertTrue(delta(before, after, "confirma_rpc_errors_total{chain=\"CELO\",method=\"eth_blockNumber\"}") >= 1,
                "the read while the node was cut off failed");
        assertTrue(delta(before, after, "confirma_callback_delivery_delay_seconds_count{event=\"order.confirmed\"}") >= 1);
        assertTrue(delta(before, after, "confirma_callback_delivery_delay_seconds_sum{event=\"order.confirmed\"}") >= 2,
                "confirmed, then delivered 2 s later");
        assertTrue(delta(before, after, "confirma_callback_attempts_total{outcome=\"delivered\"}") >= 2);
        assertTrue(after.containsKey("confirma_callbacks_queued"));
        assertTrue(after.containsKey("confirma_callbacks_dead"));
        assertEquals(0, after.get("confirma_chain_blocks_behind{chain=\"CELO\"}"));
        assertTrue(after.containsKey("confirma_rate_age_seconds{pair=\"USDC/USD\"}"));
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("http_server_requests_seconds_count{")
                && k.contains("uri=\"/plugins/orders/checkout\"")), "Quarkus' HTTP server timings");
    }

    @Test
    void shouldOnlyChartMetricsTheServerPublishesInTheSampleDashboard() throws java.io.IOException {
        gauges.refresh();
        java.util.Set<String> published = new java.util.HashSet<>();
        scrape().keySet().forEach(series -> published.add(series.replaceAll("\\{.*", "")));
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "grafana-dashboard.json"));
        Matcher names = Pattern.compile("\\b((?:confirma|http_server)_[a-z_]+)").matcher(dashboard);
        int charted = 0;
        while (names.find()) {
            charted++;
            assertTrue(published.contains(names.group(1)), names.group(1) + " is charted in docs/grafana-dashboard.json but not published");
        }
        assertTrue(charted >= 10, "the dashboard charts Confirma's metrics: " + charted);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        assertTrue(after.containsKey(series), series + " is in /q/metrics");
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    /** Every series of the Prometheus text, by name and labels in the order given, without the exemplars or the help. */
    private static Map<String, Double> scrape() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (!line.startsWith("#") && m.matches()) {
                // the Prometheus client writes a comma after the last label: {a="b",}
                String labels = m.group(2) == null ? "" : m.group(2).replace(",}", "}");
                series.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
            }
        }
        return series;
    }
}
