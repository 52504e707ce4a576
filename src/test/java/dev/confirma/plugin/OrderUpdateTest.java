package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.createOrder;
import static dev.confirma.support.Fixtures.randomTxHash;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderUpdateTest {

    private TestStore store;
    private String orderId;

    @BeforeEach
    void order() {
        store = Fixtures.createStore();
        orderId = createOrder(store);
    }

    private String checkoutToken;

    private String newOrderWithToken() {
        var json = store.asPlugin().body(Fixtures.checkout(store)).post("/plugins/orders/checkout")
                .then().statusCode(200).extract().jsonPath();
        checkoutToken = json.getString("sessionToken");
        return json.getString("id");
    }

    @Test
    void shouldAttachHashAndPutOrderOnHold() {
        String hash = randomTxHash().toUpperCase().replace("0X", "0x");
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "celo", "paymentMethod", "cusd", "convertedTotal", "12.5"))
                .put("/plugins/checkout/" + orderId)
                .then().statusCode(200)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactionHash", equalTo(hash.toLowerCase()))
                .body("blockchain", equalTo("CELO"))
                .body("paymentMethod", equalTo("cUSD"))
                .body("convertedTotal", equalTo("12.5"))
                .body("transactions.hash", contains(hash.toLowerCase()))
                .body("transactions[0].protocol", equalTo("CELO"))
                .body("transactions[0].asset", equalTo("cUSD"))
                .body("transactions[0].status", equalTo("unverified"))
                .body("transactions[0].amount", nullValue());
        store.asPlugin().get("/plugins/orders/" + orderId).then().body("paymentStatus", equalTo("on-hold"));
    }

    @Test
    void shouldTreatTheSameHashForTheSameOrderAsOneClaim() {
        String hash = randomTxHash();
        store.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + orderId).then().statusCode(200);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + orderId)
                .then().statusCode(200).body("transactions.size()", equalTo(1));
        // updatedAt moved with the clock standing still: nothing observable changed
        before.assertUnchanged();
    }

    @Test
    void shouldNotLetOneOrdersClaimLockAHashAwayFromAnother() {
        // anyone with a session token can submit any hash: a claim is a hint, and the chain decides which order it paid
        String hash = randomTxHash();
        store.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + orderId).then().statusCode(200);
        TestStore otherStore = Fixtures.createStore();
        String otherOrder = createOrder(otherStore);

        otherStore.asPlugin().body(Map.of("transactionHash", hash, "paymentMethod", "USDC"))
                .put("/plugins/checkout/" + otherOrder)
                .then().statusCode(200)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions.hash", contains(hash))
                .body("transactions[0].status", equalTo("unverified"));
        store.asPlugin().get("/plugins/orders/" + orderId).then().body("transactions.hash", contains(hash));
    }

    @Test
    void shouldAnswer409NotAnErrorWhenStoreAndShopperChangeAnOrderAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                String order = newOrderWithToken();
                String token = checkoutToken;
                var cancel = pool.submit(() -> store.asPlugin().body(Map.of("paymentStatus", "cancelled"))
                        .put("/plugins/checkout/" + order).then().extract().statusCode());
                var claim = pool.submit(() -> given().contentType(ContentType.JSON).queryParam("sessionToken", token)
                        .body(Map.of("transactionHash", randomTxHash())).put("/plugins/checkout/" + order)
                        .then().extract().statusCode());
                int cancelled = cancel.get();
                int claimed = claim.get();
                org.junit.jupiter.api.Assertions.assertTrue(Set.of(200, 409).contains(cancelled), "cancel answered " + cancelled);
                org.junit.jupiter.api.Assertions.assertTrue(Set.of(200, 409).contains(claimed), "claim answered " + claimed);
                org.junit.jupiter.api.Assertions.assertTrue(cancelled == 200 || claimed == 200, "one of them must win");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetShopperAttachHashWithSessionTokenInQueryOrBearer() {
        String order = newOrderWithToken();
        given().contentType(ContentType.JSON).queryParam("sessionToken", checkoutToken)
                .body(Map.of("transactionHash", randomTxHash(), "blockchain", "ETHEREUM", "paymentMethod", "ETH"))
                .put("/plugins/checkout/" + order)
                .then().statusCode(200).body("paymentStatus", equalTo("on-hold"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + checkoutToken)
                .body(Map.of("transactionHash", randomTxHash()))
                .put("/plugins/checkout/" + order)
                .then().statusCode(200).body("transactions.size()", equalTo(2));
    }

    @Test
    void shouldRefuseShopperWithoutValidTokenForThisOrder() {
        String order = newOrderWithToken();
        String tokenOfOrder = checkoutToken;
        String another = newOrderWithToken();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Map<String, String> claim = Map.of("transactionHash", randomTxHash());

        given().contentType(ContentType.JSON).body(claim).put("/plugins/checkout/" + order)
                .then().statusCode(401).body("message", equalTo("x-api-key header or the order's sessionToken is required"));
        given().contentType(ContentType.JSON).queryParam("sessionToken", tokenOfOrder).body(claim).put("/plugins/checkout/" + another)
                .then().statusCode(401).body("message", equalTo("The sessionToken is not for this order"));
        // change a character in the middle of the signature (the last one may only carry padding bits)
        int middle = tokenOfOrder.lastIndexOf('.') + 20;
        String tampered = tokenOfOrder.substring(0, middle) + (tokenOfOrder.charAt(middle) == 'A' ? 'B' : 'A')
                + tokenOfOrder.substring(middle + 1);
        given().contentType(ContentType.JSON).queryParam("sessionToken", tampered).body(claim).put("/plugins/checkout/" + order)
                .then().statusCode(401).body("message", equalTo("The sessionToken is invalid or expired"));
        given().contentType(ContentType.JSON).queryParam("sessionToken", "not-a-jwt").body(claim).put("/plugins/checkout/" + order)
                .then().statusCode(401);
        given().contentType(ContentType.JSON).queryParam("sessionToken", tokenOfOrder)
                .body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + order)
                .then().statusCode(403).body("message", equalTo("A session token can only attach a transactionHash (with its blockchain and paymentMethod)"));
        given().contentType(ContentType.JSON).queryParam("sessionToken", tokenOfOrder)
                .body(Map.of("transactionHash", randomTxHash(), "convertedTotal", "0.000001")).put("/plugins/checkout/" + order)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).queryParam("sessionToken", tokenOfOrder)
                .body(Map.of("paymentMethod", "ETH")).put("/plugins/checkout/" + order)
                .then().statusCode(403);
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseExpiredSessionToken() {
        String order = newOrderWithToken();
        // valid through expiry (15 min) and the late-payment window (24 h)
        TestClockProducer.clock().advance(Duration.ofHours(24).plusMinutes(16));
        given().contentType(ContentType.JSON).queryParam("sessionToken", checkoutToken)
                .body(Map.of("transactionHash", randomTxHash())).put("/plugins/checkout/" + order)
                .then().statusCode(401).body("message", equalTo("The sessionToken is invalid or expired"));
    }

    @Test
    void shouldLetStoreCancelAndFailButNeverReopenOrConfirm() {
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orderId)
                .then().statusCode(200).body("paymentStatus", equalTo("cancelled"));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asPlugin().body(Map.of("paymentStatus", "pending")).put("/plugins/checkout/" + orderId)
                .then().statusCode(409).body("error.code", equalTo("invalid_status_transition"))
                .body("message", equalTo("Order " + orderId + " is cancelled and cannot become pending"));
        store.asPlugin().body(Map.of("transactionHash", randomTxHash())).put("/plugins/checkout/" + orderId)
                .then().statusCode(409).body("error.code", equalTo("order_not_payable"));
        for (Map<String, String> change : List.of(Map.of("convertedTotal", "1"), Map.of("paymentMethod", "ETH"),
                Map.of("blockchain", "CELO"))) {
            store.asPlugin().body(change).put("/plugins/checkout/" + orderId).then().statusCode(409)
                    .body("error.code", equalTo("order_final"))
                    .body("message", equalTo("Order " + orderId + " is cancelled and can no longer be changed"));
        }
        before.assertUnchanged();

        String another = createOrder(store);
        store.asPlugin().body(Map.of("paymentStatus", "on-hold")).put("/plugins/checkout/" + another)
                .then().statusCode(200).body("paymentStatus", equalTo("on-hold"));
        store.asPlugin().body(Map.of("paymentStatus", "failed")).put("/plugins/checkout/" + another)
                .then().statusCode(200).body("paymentStatus", equalTo("failed"));
    }

    @Test
    void shouldRefuseBadUpdatesAndChangeNothing() {
        TestStore celoOnly = Fixtures.createStore(Map.of("name", "cUSD only", "acceptedAssets", List.of("cUSD"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.CELO_WALLET))));
        String celoOrder = createOrder(celoOnly);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        record Case(Map<String, Object> body, int status, String field, String message) {
        }
        for (Case c : List.of(
                new Case(Map.of(), 400, null, "Nothing to update: send transactionHash, paymentStatus, blockchain, paymentMethod or convertedTotal"),
                new Case(Map.of("transactionHash", "0x1234"), 400, "transactionHash", "transactionHash must be 0x followed by 64 hex digits"),
                new Case(Map.of("transactionHash", "0x" + "g".repeat(64)), 400, "transactionHash", "transactionHash must be 0x followed by 64 hex digits"),
                new Case(Map.of("blockchain", "BITCOIN"), 400, "blockchain", "blockchain must be CELO or ETHEREUM"),
                new Case(Map.of("paymentMethod", "DOGE"), 400, "paymentMethod", "paymentMethod DOGE is not an asset this server accepts (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH)"),
                new Case(Map.of("paymentMethod", "ETH", "blockchain", "CELO"), 400, "paymentMethod", "paymentMethod ETH is not accepted on CELO"),
                new Case(Map.of("paymentMethod", "USDC"), 400, "paymentMethod", "This order can be paid in cUSD on CELO only"),
                new Case(Map.of("blockchain", "ETHEREUM"), 400, "blockchain", "This order can be paid in cUSD on CELO only"),
                new Case(Map.of("paymentStatus", "confirmed"), 400, "paymentStatus", "paymentStatus confirmed is set by Confirma once the chain confirms the payment"),
                new Case(Map.of("paymentStatus", "paid"), 400, "paymentStatus", "paymentStatus must be one of pending, on-hold, failed, cancelled"),
                new Case(Map.of("convertedTotal", "-1"), 400, "convertedTotal",
                        "convertedTotal must be greater than 0 and less than 10^20, with at most 18 decimal places"),
                new Case(Map.of("convertedTotal", "1e25"), 400, "convertedTotal", "convertedTotal must be a decimal number, such as 12.50"),
                new Case(Map.of("convertedTotal", new java.math.BigDecimal("1E+25")), 400, "convertedTotal",
                        "convertedTotal must be greater than 0 and less than 10^20, with at most 18 decimal places"))) {
            celoOnly.asPlugin().body(c.body()).put("/plugins/checkout/" + celoOrder)
                    .then().statusCode(c.status())
                    .body("message", equalTo(c.message()))
                    .body("error.field", equalTo(c.field()));
        }
        celoOnly.asPlugin().body("{\"transactionHash\":").put("/plugins/checkout/" + celoOrder)
                .then().statusCode(400).body("error.code", equalTo("invalid_json"));
        celoOnly.asPlugin().contentType(ContentType.TEXT).body("x").put("/plugins/checkout/" + celoOrder).then().statusCode(415);
        before.assertUnchanged();
    }

    @Test
    void shouldAnswer404ForUnknownOrForeignOrders() {
        TestStore other = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (String id : Set.of("00000000-0000-4000-8000-000000000000", "nope", orderId)) {
            other.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + id)
                    .then().statusCode(404).body("message", equalTo("Order " + id + " not found"));
        }
        before.assertUnchanged();
    }
}
