package dev.confirma.api;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.confirma.support.TestChains;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Merchant API orders paid on a real local Celo node (depth 10), plugin orders run through the
 * merchant API, and a merchant's cancel of an unpaid order reaching the plugin as its callback.
 */
@QuarkusTest
class V1PaymentFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        store = CeloScene.caughtUpStore(watcher, rates, "Merchant", wallet);
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String usdcDue(String orderId) {
        return store.asMerchant().get("/v1/orders/" + orderId).then().extract()
                .path("payment.quotes.find { it.asset == 'USDC' }.amount_base_units");
    }

    private void afterBlocks(int blocks) {
        AnvilNodes.CELO.mine(blocks);
        watcher.poll(TestChains.CELO);
    }

    @Test
    void shouldMoveAMerchantOrderToPaidWhenTheChainConfirmsItsPayment() {
        String id = MerchantOrders.create(store);
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(usdcDue(id)));
        store.asMerchant().body(Map.of("transaction_hash", hash, "chain", "CELO", "asset", "USDC")).post("/v1/orders/" + id + "/pay")
                .then().statusCode(200).body("payment_status", equalTo("on_hold")).body("status", equalTo("CREATED"))
                .body("transaction_hash", equalTo(hash)).body("quotes", hasSize(3));
        afterBlocks(0);
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("CREATED")).body("payment.status", equalTo("on_hold"));
        afterBlocks(10);
        store.asMerchant().get("/v1/orders/" + id).then()
                .body("status", equalTo("PAID"))
                .body("payment.status", equalTo("confirmed"))
                .body("payment.asset", equalTo("USDC"))
                .body("payment.chain", equalTo("CELO"))
                .body("payment.transactions[0].hash", equalTo(hash))
                .body("payment.transactions[0].status", equalTo("confirmed"))
                .body("timeline.status", equalTo(List.of("CREATED", "PAID")))
                .body("timeline[1].actor", equalTo("chain"));
        // the same hash again changes nothing of how the order was paid
        store.asMerchant().body(Map.of("transaction_hash", hash, "chain", "CELO", "asset", "CELO")).post("/v1/orders/" + id + "/pay")
                .then().statusCode(200);
        store.asMerchant().get("/v1/orders/" + id).then().body("payment.asset", equalTo("USDC")).body("status", equalTo("PAID"));
        // the same hash for another order: one transaction pays one order
        String other = MerchantOrders.create(store);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().body(Map.of("transaction_hash", hash)).post("/v1/orders/" + other + "/pay").then().statusCode(409)
                .body("type", equalTo("urn:confirma:problem:transaction_already_used"));
        before.assertUnchanged();
    }

    @Test
    void shouldFulfilAndShipAPluginOrderThroughTheMerchantApi() {
        String id = postCheckout(store, checkout(store)).statusCode(200).extract().path("id");
        String due = store.asPlugin().get("/plugins/orders/" + id).then().extract().path("quotes.find { it.asset == 'USDC' }.amountBaseUnits");
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "USDC"))
                .put("/plugins/checkout/" + id).then().statusCode(200);
        afterBlocks(10);
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("PAID")).body("source", equalTo("wordpress"));
        store.asMerchant().body(Map.of("carrier", "Correios", "tracking_number", "BR1")).post("/v1/orders/" + id + "/fulfill")
                .then().statusCode(200).body("status", equalTo("FULFILLED"));
        store.asMerchant().post("/v1/orders/" + id + "/ship").then().statusCode(200).body("status", equalTo("SHIPPED"));
        store.asPlugin().get("/plugins/orders/" + id).then().statusCode(200)
                .body("lifecycleStatus", equalTo("SHIPPED"))
                .body("paymentStatus", equalTo("confirmed"))
                .body("status", equalTo("confirmed"));
    }

    @Test
    void shouldCancelThePaymentAndCallThePluginBackWhenTheMerchantCancelsAnUnpaidOrder() throws Exception {
        Map<String, Object> body = new HashMap<>(checkout(store));
        body.put("callbackUrl", receiver.url("/wc-api/cryptum"));
        String id = postCheckout(store, body).statusCode(200).extract().path("id");
        store.asMerchant().body(Map.of("reason", "customer changed their mind")).post("/v1/orders/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("payment.status", equalTo("cancelled"))
                .body("timeline[1].reason", equalTo("customer changed their mind"));
        worker.deliverDue();
        List<CallbackReceiver.Received> got = receiver.receivedAt("/wc-api/cryptum");
        assertEquals(1, got.size());
        JsonNode callback = JSON.readTree(got.get(0).body());
        assertEquals("cancelled", callback.get("paymentStatus").asText());
        assertEquals("order.cancelled", callback.get("event").asText());
        store.asPlugin().get("/plugins/orders/" + id).then().body("paymentStatus", equalTo("cancelled"))
                .body("lifecycleStatus", equalTo("CANCELLED"));
        // cancelled is final
        store.asMerchant().post("/v1/orders/" + id + "/fulfill").then().statusCode(409).body("current_status", equalTo("CANCELLED"))
                .body("allowed_statuses", hasSize(0));
    }

    @Test
    void shouldSendNoCallbackForAMerchantOrderWithoutACallbackUrl() {
        String id = MerchantOrders.create(store);
        store.asMerchant().post("/v1/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        worker.deliverDue();
        assertEquals(0, receiver.received().size());
    }

    @Test
    void shouldPayAndRefuseEachItemOfABulkRequestOnItsOwn() {
        Map<String, Object> bad = new HashMap<>(MerchantOrders.body());
        bad.put("currency", "ZZZ");
        bad.put("tax", "-2");
        var answer = store.asMerchant().body(Map.of("orders", List.of(MerchantOrders.body(), bad, MerchantOrders.body())))
                .post("/v1/orders/bulk").then().statusCode(200)
                .body("succeeded", equalTo(2)).body("failed", equalTo(1))
                .body("results.status", equalTo(List.of(201, 400, 201)))
                .body("results[1].problem.errors.field", equalTo(List.of("currency", "tax")))
                .extract().jsonPath();
        String first = answer.getString("results[0].result.id");
        String third = answer.getString("results[2].result.id");
        store.asMerchant().get("/v1/orders").then().body("total_count", equalTo(2));

        store.asMerchant().body(Map.of("orders", List.of(Map.of("order_id", first), Map.of("order_id", "missing"),
                        Map.of("order_id", third, "transaction_hash", "0x12"), Map.of("order_id", third))))
                .post("/v1/orders/bulk/pay").then().statusCode(200)
                .body("results.status", equalTo(List.of(200, 404, 400, 200)))
                .body("results[0].result.payment_url", org.hamcrest.Matchers.startsWith("http://localhost:8080/pay/" + first))
                .body("results[2].problem.errors[0].field", equalTo("transaction_hash"));

        List<Object> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(MerchantOrders.body());
        }
        store.asMerchant().body(Map.of("orders", tooMany)).post("/v1/orders/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("orders"));
        store.asMerchant().get("/v1/orders").then().body("total_count", equalTo(2));
    }

    @Test
    void shouldCancelAnOrderWhosePaymentFailedAndRefuseOneWhosePaymentIsUnderway() {
        String shortPaid = MerchantOrders.create(store);
        String shortHash = AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(usdcDue(shortPaid)).subtract(BigInteger.ONE));
        // a short amount names no order by itself: the shopper's hash does
        store.asMerchant().body(Map.of("transaction_hash", shortHash)).post("/v1/orders/" + shortPaid + "/pay").then().statusCode(200);
        String underway = MerchantOrders.create(store);
        AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(usdcDue(underway)));
        afterBlocks(0);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().post("/v1/orders/" + underway + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:confirma:problem:payment_underway"));
        before.assertUnchanged();

        // ten blocks on, one payment is short (failed) and the other has paid its order
        afterBlocks(10);
        store.asMerchant().get("/v1/orders/" + shortPaid).then().body("payment.status", equalTo("failed"))
                .body("payment.exception", equalTo("partial")).body("status", equalTo("CREATED"));
        store.asMerchant().body(Map.of("reason", "short payment refunded by hand")).post("/v1/orders/" + shortPaid + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("payment.status", equalTo("failed"));
        store.asMerchant().get("/v1/orders/" + underway).then().body("status", equalTo("PAID"));
    }

    @Test
    void shouldRefuseToCancelAnOrderWhoseHashIsClaimedButNotYetRead() {
        String id = MerchantOrders.create(store);
        store.asMerchant().body(Map.of("transaction_hash", Fixtures.randomTxHash())).post("/v1/orders/" + id + "/pay").then().statusCode(200);
        store.asMerchant().post("/v1/orders/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:confirma:problem:payment_underway"));
    }

    @Test
    void shouldTakeTheAssetInAnySpellingTheServerKnowsWhenAHashIsClaimed() {
        String id = MerchantOrders.create(store);
        store.asMerchant().body(Map.of("transaction_hash", Fixtures.randomTxHash(), "chain", "celo", "asset", "usdc"))
                .post("/v1/orders/" + id + "/pay").then().statusCode(200).body("payment_status", equalTo("on_hold"));
        store.asMerchant().get("/v1/orders/" + id).then().body("payment.asset", equalTo("USDC")).body("payment.chain", equalTo("CELO"));
        store.asMerchant().body(Map.of("transaction_hash", Fixtures.randomTxHash(), "asset", "DOGE")).post("/v1/orders/" + id + "/pay")
                .then().statusCode(400).body("errors[0].field", equalTo("asset"));
    }
}
