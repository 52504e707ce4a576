package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.order.Order;
import dev.confirma.shopper.SessionTokens;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutTest {

    @Inject
    SessionTokens sessionTokens;

    @Test
    void shouldCreateOrderInCryptumShape() {
        TestStore store = Fixtures.createStore(Map.of("name", "Priced", "markupPercentage", 2, "discountPercentage", "0.5",
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.CELO_WALLET))));
        Map<String, Object> body = checkout(store);
        body.put("ecommerceOrderId", 1001);
        body.put("orderTotal", 12.5);
        body.put("orderCurrency", "brl");
        body.put("futureField", Map.of("ignored", true));
        Instant now = TestClockProducer.clock().instant();

        JsonPath order = postCheckout(store, body).statusCode(200)
                .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .body("ecommerceOrderId", equalTo("1001"))
                .body("ecommerce", equalTo("wordpress"))
                .body("storeId", equalTo(store.id()))
                .body("orderTotal", equalTo("12.50"))
                .body("orderCurrency", equalTo("BRL"))
                .body("paymentStatus", equalTo("pending"))
                .body("status", equalTo("pending"))
                .body("lifecycleStatus", equalTo("CREATED"))
                .body("callbackUrl", equalTo("https://shop.example/wc-api/cryptumcheckout"))
                .body("cancelReturnUrl", equalTo("https://shop.example/cancel"))
                .body("successReturnUrl", equalTo("https://shop.example/thanks"))
                .body("deliveryInfo.firstName", equalTo("Ana"))
                .body("deliveryInfo.email", equalTo("ana@example.com"))
                .body("deliveryInfo.zip", equalTo("50000-000"))
                .body("deliveryInfo.complement", nullValue())
                .body("storeMarkupPercentage", equalTo(2))
                .body("storeDiscountPercentage", equalTo(0.5f))
                .body("transactions.size()", equalTo(0))
                .body("message", equalTo("Checkout created"))
                .extract().jsonPath();

        String id = order.getString("id");
        assertEquals(id, order.getString("orderId"));
        assertEquals(now.toString(), order.getString("createdAt"));
        assertEquals(now.plus(Duration.ofMinutes(15)).toString(), order.getString("expiresAt"));
        assertEquals("http://localhost:8080/pay/" + id + "?sessionToken=" + order.getString("sessionToken"),
                order.getString("paymentUrl"));
        assertEquals(id, sessionTokens.verify(order.getString("sessionToken")).orElseThrow());
        assertTrue(order.getString("futureField") == null);
    }

    @Test
    void shouldStoreTotalExactlyWhateverForm() {
        TestStore store = Fixtures.createStore();
        for (Object total : List.of("0.000000000000000001", new java.math.BigDecimal("123456789.123456789012345678"), "10", 7)) {
            Map<String, Object> body = checkout(store);
            body.put("orderTotal", total);
            body.put("orderCurrency", "ETH");
            String id = postCheckout(store, body).statusCode(200).body("orderCurrency", equalTo("ETH")).extract().path("id");
            java.math.BigDecimal stored = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(id).orderTotal);
            assertEquals(0, stored.compareTo(new java.math.BigDecimal(total.toString())), "stored " + stored + " for " + total);
        }
    }

    @Test
    void shouldAcceptCryptoOrderCurrencyInAnyCase() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "cusd");
        postCheckout(store, body).statusCode(200).body("orderCurrency", equalTo("cUSD")).body("orderTotal", equalTo("12.5"));
    }

    @Test
    void shouldOpenOnHoldWhenPluginAsks() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        body.put("paymentStatus", "on-hold");
        postCheckout(store, body).statusCode(200).body("paymentStatus", equalTo("on-hold"));
    }

    @Test
    void shouldReturnSameOrderWhenShopOrderIsPostedAgainWhileUnpaid() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        JsonPath first = postCheckout(store, body).statusCode(200).extract().jsonPath();
        DatabaseSnapshot before = DatabaseSnapshot.take();

        JsonPath second = postCheckout(store, body).statusCode(200)
                .body("message", equalTo("An unpaid checkout for this ecommerceOrderId already exists; returning it"))
                .extract().jsonPath();

        assertEquals(first.getString("id"), second.getString("id"));
        assertEquals(first.getString("sessionToken"), second.getString("sessionToken"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseRepostWithDifferentTotalWhileUnpaid() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        String id = postCheckout(store, body).statusCode(200).extract().path("id");
        DatabaseSnapshot before = DatabaseSnapshot.take();
        body.put("orderTotal", "99.00");
        postCheckout(store, body).statusCode(409)
                .body("error.code", equalTo("unpaid_order_differs"))
                .body("message", org.hamcrest.Matchers.containsString("PUT /plugins/checkout/" + id));
        before.assertUnchanged();
    }

    @Test
    void shouldCreateNewOrderOnceThePreviousIsCancelled() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        String first = postCheckout(store, body).statusCode(200).extract().path("id");
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + first)
                .then().statusCode(200).body("paymentStatus", equalTo("cancelled"));

        String second = postCheckout(store, body).statusCode(200).body("message", equalTo("Checkout created")).extract().path("id");
        assertNotEquals(first, second);
    }

    @Test
    void shouldCancelExpiredOrderAndCreateNewOneOnRepost() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        String first = postCheckout(store, body).statusCode(200).extract().path("id");
        TestClockProducer.clock().advance(Duration.ofMinutes(16));

        String second = postCheckout(store, body).statusCode(200).extract().path("id");

        assertNotEquals(first, second);
        store.asPlugin().get("/plugins/orders/" + first).then().body("paymentStatus", equalTo("cancelled"));
        store.asPlugin().get("/plugins/orders/" + second).then().body("paymentStatus", equalTo("pending"));
    }

    @Test
    void shouldReplayIdempotencyKeyAndRefuseItForAnotherBody() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        String key = "key-" + java.util.UUID.randomUUID();
        String id = store.asPlugin().header("Idempotency-Key", key).body(body).post("/plugins/orders/checkout")
                .then().statusCode(200).extract().path("id");
        // the same key with the fields in another order is the same request
        store.asPlugin().header("Idempotency-Key", key).body(new java.util.TreeMap<>(body)).post("/plugins/orders/checkout")
                .then().statusCode(200).body("id", equalTo(id))
                .body("message", equalTo("Idempotent replay: returning the checkout created for this Idempotency-Key"));

        DatabaseSnapshot before = DatabaseSnapshot.take();
        Map<String, Object> other = checkout(store);
        store.asPlugin().header("Idempotency-Key", key).body(other).post("/plugins/orders/checkout")
                .then().statusCode(422).body("error.code", equalTo("idempotency_key_reused"));
        store.asPlugin().header("Idempotency-Key", "bad key with spaces").body(other).post("/plugins/orders/checkout")
                .then().statusCode(400).body("error.field", equalTo("Idempotency-Key"));
        before.assertUnchanged();
    }

    @Test
    void shouldCreateOneOrderWhenTheSameCheckoutArrivesConcurrently() throws Exception {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> posts = java.util.stream.IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> postCheckout(store, body).statusCode(200).extract().path("id"))
                    .toList();
            Set<String> ids = new HashSet<>();
            for (Future<String> id : pool.invokeAll(posts)) {
                ids.add(id.get());
            }
            assertEquals(1, ids.size(), "concurrent posts of one shop order made " + ids);
        } finally {
            pool.shutdownNow();
        }
        long stored = QuarkusTransaction.requiringNew().call(() ->
                Order.count("storeId = ?1 and ecommerceOrderId = ?2", store.id(), body.get("ecommerceOrderId")));
        assertEquals(1, stored);
    }

    @Test
    void shouldKeepStoresApart() {
        TestStore a = Fixtures.createStore();
        TestStore b = Fixtures.createStore();
        Map<String, Object> body = checkout(a);
        String ida = postCheckout(a, body).statusCode(200).extract().path("id");
        body.put("store", b.id());
        String idb = postCheckout(b, body).statusCode(200).extract().path("id");
        assertNotEquals(ida, idb, "the same shop order number in two stores is two orders");
        a.asPlugin().get("/plugins/orders/" + idb).then().statusCode(404).body("error.code", equalTo("not_found"));
    }
}
