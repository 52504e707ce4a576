package dev.confirma.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackWorker;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestChains;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fraud rules: each rule scores a new order; a paid order at or above the threshold is held with
 * reason fraud_review and the rules that fired, until the merchant releases or cancels it.
 */
@QuarkusTest
class V1FraudTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    CallbackWorker worker;

    private TestStore store;
    private String wallet;
    private CallbackReceiver receiver;

    @BeforeEach
    void scene() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Fraud", wallet);
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private void rules(Map<String, Object> rules) {
        store.asMerchant().body(rules).put("/v1/fraud/rules").then().statusCode(200).body("enabled", equalTo(true));
    }

    private String order(String email, String country, String total, String clientIp) {
        Map<String, Object> body = MerchantOrders.body();
        body.put("items", List.of(Map.of("sku", "X", "quantity", 1, "unit_price", total)));
        body.put("tax", "0");
        body.put("shipping", "0");
        body.put("shipping_address", Map.of("first_name", "Ana", "email", email, "country", country));
        if (clientIp != null) {
            body.put("client_ip", clientIp);
        }
        return MerchantOrders.create(store, body);
    }

    private JsonPath review(String id) {
        return store.asMerchant().get("/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private void payOnChain(String id) {
        String due = review(id).getString("payment.quotes.find { it.asset == 'USDC' }.amount_base_units");
        AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
        AnvilNodes.CELO.mine(11);
        watcher.poll(TestChains.CELO);
    }

    @Test
    void shouldHoldAFlaggedOrderForReviewAsSoonAsItIsPaidSayingWhichRulesFired() throws Exception {
        rules(Map.of("threshold", 60, "countries", Map.of("codes", List.of("ng", "KP"), "score", 40),
                "amount_above", Map.of("limits", Map.of("usd", "100.00"), "score", 30)));
        String hook = store.asMerchant().body(Map.of("url", receiver.url("/hooks"), "events", List.of("order.paid", "order.held",
                "order.released"))).post("/v1/webhooks").then().statusCode(201).extract().path("id");
        String flagged = order("a@example.com", "NG", "150.00", null);
        String clean = order("b@example.com", "NG", "20.00", null); // one rule: 40 < 60
        JsonPath before = review(flagged);
        assertEquals(70, before.getInt("fraud_review.score"));
        assertEquals(true, before.getBoolean("fraud_review.flagged"));
        assertEquals(false, before.getBoolean("fraud_review.held"));
        assertEquals("CREATED", before.getString("status"), "held only once paid");

        payOnChain(flagged);
        payOnChain(clean);
        JsonPath held = review(flagged);
        assertEquals("HELD", held.getString("status"));
        assertEquals(List.of("CREATED", "PAID", "HELD"), held.getList("timeline.status"));
        String reason = held.getString("timeline[2].reason");
        assertTrue(reason.startsWith("fraud_review: score 70 (hold at 60)"), reason);
        assertTrue(reason.contains("countries (NG) +40") && reason.contains("amount_above (150.00 USD > 100.00) +30"), reason);
        assertEquals("system", held.getString("timeline[2].actor"));
        assertEquals(true, held.getBoolean("fraud_review.held"));
        assertEquals("PAID", review(clean).getString("status"));
        assertEquals(false, review(clean).getBoolean("fraud_review.flagged"));

        // the merchant releases it: paid again, and not held a second time
        store.asMerchant().body(Map.of()).post("/v1/orders/" + flagged + "/release").then().statusCode(200).body("status", equalTo("PAID"));
        worker.deliverDue();
        List<String> events = receiver.receivedAt("/hooks").stream()
                .map(r -> io.restassured.path.json.JsonPath.from(r.bodyText()))
                .filter(b -> b.getString("data.order.id").equals(flagged)).map(b -> b.getString("event")).toList();
        // never announced as paid and ready to ship while it is held
        assertEquals(List.of("order.held", "order.released"), events);
        store.asMerchant().delete("/v1/webhooks/" + hook).then().statusCode(204);

        // or cancels one
        String second = order("c@example.com", "KP", "500.00", null);
        payOnChain(second);
        assertEquals("HELD", review(second).getString("status"));
        store.asMerchant().body(Map.of("reason", "fraud confirmed")).post("/v1/orders/" + second + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldKeepAHeldPluginOrderOnHoldForTheShopUntilTheMerchantReleasesIt() throws Exception {
        rules(Map.of("threshold", 40, "countries", Map.of("codes", List.of("NG"), "score", 40)));
        Map<String, Object> checkout = new HashMap<>(Fixtures.checkout(store));
        checkout.put("callbackUrl", receiver.url("/wc-api/cryptum"));
        checkout.put("deliveryInfo", Map.of("firstName", "Ada", "lastName", "Obi", "email", "ada@example.com", "country", "NG"));
        String id = Fixtures.postCheckout(store, checkout).statusCode(200).extract().path("id");
        String due = store.asPlugin().get("/plugins/orders/" + id).then().extract().path("quotes.find { it.asset == 'USDC' }.amountBaseUnits");
        AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
        AnvilNodes.CELO.mine(11);
        watcher.poll(TestChains.CELO);
        // WooCommerce asks for the order on every callback and ships a confirmed one: held, it is on-hold
        store.asPlugin().get("/plugins/orders/" + id).then().body("paymentStatus", equalTo("on-hold")).body("status", equalTo("on-hold"))
                .body("lifecycleStatus", equalTo("HELD"));
        worker.deliverDue();
        List<String> told = receiver.receivedAt("/wc-api/cryptum").stream()
                .map(r -> JsonPath.from(r.bodyText()).getString("paymentStatus")).toList();
        assertEquals("on-hold", told.get(told.size() - 1));

        store.asMerchant().body(Map.of()).post("/v1/orders/" + id + "/release").then().statusCode(200);
        store.asPlugin().get("/plugins/orders/" + id).then().body("paymentStatus", equalTo("confirmed"));
        worker.deliverDue();
        JsonPath released = JsonPath.from(receiver.receivedAt("/wc-api/cryptum").get(receiver.receivedAt("/wc-api/cryptum").size() - 1)
                .bodyText());
        assertEquals("confirmed", released.getString("paymentStatus"));
        assertEquals("order.confirmed", released.getString("event"));
    }

    @Test
    void shouldRefundAHeldOrderWhoseFraudTheReviewConfirmed() {
        rules(Map.of("threshold", 40, "countries", Map.of("codes", List.of("NG"), "score", 40)));
        String id = order("d@example.com", "NG", "25.00", null);
        payOnChain(id);
        assertEquals("HELD", review(id).getString("status"));
        store.asMerchant().body(Map.of("amount", "1.00", "asset", "USDC", "to_address", Fixtures.randomAddress()))
                .post("/v1/orders/" + id + "/refund").then().statusCode(201).body("status", equalTo("unverified"));
    }

    @Test
    void shouldScoreOrdersPerEmailInTheLastHourAndOrdersPerClientAddress() {
        rules(Map.of("threshold", 50, "orders_per_email_per_hour", Map.of("max", 2, "score", 50),
                "orders_per_client_ip_per_hour", Map.of("max", 1, "score", 50)));
        assertEquals(false, review(order("Repeat@Example.com", "BR", "10", null)).getBoolean("fraud_review.flagged"));
        assertEquals(false, review(order("repeat@example.com ", "BR", "10", null)).getBoolean("fraud_review.flagged"));
        JsonPath third = review(order("REPEAT@example.com", "BR", "10", null));
        assertEquals(true, third.getBoolean("fraud_review.flagged"));
        assertEquals(List.of("orders_per_email_per_hour (3 in the last hour, max 2) +50"), third.getList("fraud_review.rules_fired"));
        assertEquals(false, review(order("other@example.com", "BR", "10", null)).getBoolean("fraud_review.flagged"));

        assertEquals(false, review(order("ip1@example.com", "BR", "10", "2001:db8::7")).getBoolean("fraud_review.flagged"));
        // the same address spelled another way is the same shopper
        JsonPath again = review(order("ip2@example.com", "BR", "10", "2001:0DB8:0:0:0:0:0:7"));
        assertEquals(List.of("orders_per_client_ip_per_hour (2 in the last hour, max 1) +50"), again.getList("fraud_review.rules_fired"));
        assertEquals(false, review(order("ip3@example.com", "BR", "10", "203.0.113.9")).getBoolean("fraud_review.flagged"));

        // an hour later the count starts again
        dev.confirma.support.TestClockProducer.clock().advance(java.time.Duration.ofMinutes(61));
        rates.refresh();
        assertEquals(false, review(order("repeat@example.com", "BR", "10", null)).getBoolean("fraud_review.flagged"));
    }

    @Test
    void shouldCountSimultaneousOrdersFromOneEmailEachAgainstTheOthers() throws Exception {
        rules(Map.of("threshold", 10, "orders_per_email_per_hour", Map.of("max", 2, "score", 10)));
        List<String> ids = Simultaneously.run(6, i -> order("burst@example.com", "BR", "10", null));
        long flagged = ids.stream().filter(id -> review(id).getBoolean("fraud_review.flagged")).count();
        assertEquals(4, flagged, "the 3rd to 6th order of the hour fire, whatever their order");
    }

    @Test
    void shouldScoreNothingWithoutRulesAndShowTheRules() {
        store.asMerchant().get("/v1/fraud/rules").then().statusCode(200).body("enabled", equalTo(false)).body("threshold", nullValue());
        assertEquals((Object) null, review(order("x@example.com", "NG", "1000", null)).get("fraud_review"));
        rules(Map.of("threshold", 5, "amount_above", Map.of("limits", Map.of("EUR", 10), "score", 5)));
        store.asMerchant().get("/v1/fraud/rules").then().body("amount_above.limits.EUR", equalTo("10"))
                .body("orders_per_email_per_hour", nullValue());
        // an order in another currency is not measured against the EUR limit
        assertEquals(false, review(order("y@example.com", "NG", "1000", null)).getBoolean("fraud_review.flagged"));
        store.asMerchant().delete("/v1/fraud/rules").then().statusCode(204);
        assertEquals((Object) null, review(order("z@example.com", "NG", "1000", null)).get("fraud_review"));
    }

    @Test
    void shouldRefuseBadRulesAndBadClientAddressesNamingTheFieldAndChangingNothing() {
        rules(Map.of("threshold", 50, "countries", Map.of("codes", List.of("NG"), "score", 50)));
        List<Map<String, Object>> bad = List.of(
                Map.of("countries", Map.of("codes", List.of("NG"), "score", 50)),
                Map.of("threshold", 0, "countries", Map.of("codes", List.of("NG"), "score", 50)),
                Map.of("threshold", "50", "countries", Map.of("codes", List.of("NG"), "score", 50)),
                Map.of("threshold", 50),
                Map.of("threshold", 50, "countries", Map.of("codes", List.of("Nigeria"), "score", 50)),
                Map.of("threshold", 50, "countries", Map.of("codes", List.of("NG"))),
                Map.of("threshold", 50, "orders_per_email_per_hour", Map.of("score", 5)),
                Map.of("threshold", 50, "orders_per_email_per_hour", Map.of("max", 1.5, "score", 5)),
                Map.of("threshold", 50, "amount_above", Map.of("limits", Map.of("XYZ", "10"), "score", 5)),
                Map.of("threshold", 50, "amount_above", Map.of("limits", Map.of("USD", "-1"), "score", 5)),
                Map.of("threshold", 50, "amount_above", Map.of("limits", List.of(), "score", 5)),
                Map.of("threshold", 50, "velocity", Map.of()),
                Map.of("threshold", 50, "countries", Map.of("codes", List.of("NG"), "score", 50, "extra", 1)));
        List<String> fields = List.of("threshold", "threshold", "threshold", "threshold", "countries.codes[0]", "countries.score",
                "orders_per_email_per_hour.max", "orders_per_email_per_hour.max", "amount_above.limits.XYZ", "amount_above.limits.USD",
                "amount_above.limits", "velocity", "countries.extra");
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (int i = 0; i < bad.size(); i++) {
            store.asMerchant().body(bad.get(i)).put("/v1/fraud/rules").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(fields.get(i)));
        }
        // a JSON number whose plain form would be a gigabyte of digits
        store.asMerchant().body("{\"threshold\":50,\"amount_above\":{\"limits\":{\"USD\":1e999999999},\"score\":5}}")
                .put("/v1/fraud/rules").then().statusCode(400).body("errors.field", hasItem("amount_above.limits.USD"));
        for (String ip : List.of("localhost", "300.1.1.1", "1:::2", "10.0.0", "::1::", "example.com", "1.2.3.4.5")) {
            Map<String, Object> body = new HashMap<>(MerchantOrders.body());
            body.put("client_ip", ip);
            store.asMerchant().body(body).post("/v1/orders").then().statusCode(400).body("errors.field", hasItem("client_ip"));
        }
        before.assertUnchanged();
        store.asMerchant().get("/v1/fraud/rules").then().body("threshold", equalTo(50)).body("countries.codes", equalTo(List.of("NG")));
        assertTrue(dev.confirma.common.ClientAddress.canonical("::ffff:192.0.2.1").isPresent());
        assertEquals("0:0:0:0:0:0:0:1", dev.confirma.common.ClientAddress.canonical("::1").orElseThrow());
    }
}
