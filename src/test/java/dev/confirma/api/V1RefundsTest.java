package dev.confirma.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.refund.Refunds;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds through the merchant API, verified on a real local Celo node (depth 10), from creation to REFUNDED. */
@QuarkusTest
class V1RefundsTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    Refunds refunds;

    private TestStore store;
    private String wallet;
    private final String customer = Fixtures.randomAddress();

    @BeforeEach
    void scene() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Refunding", wallet);
    }

    /** A merchant order paid in USDC and confirmed; returns its id, and its amount due in {@code due[0]}. */
    private String paid(BigInteger[] due) {
        String id = MerchantOrders.create(store);
        due[0] = new BigInteger(store.asMerchant().get("/v1/orders/" + id).then().extract()
                .<String>path("payment.quotes.find { it.asset == 'USDC' }.amount_base_units"));
        AnvilNodes.CELO.payToken("USDC", wallet, due[0]);
        AnvilNodes.CELO.mine(10);
        watcher.poll(TestChains.CELO);
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("PAID"));
        return id;
    }

    private static String usdc(BigInteger baseUnits) {
        return new BigDecimal(baseUnits, 6).stripTrailingZeros().toPlainString();
    }

    private io.restassured.response.ValidatableResponse refund(String id, BigInteger amount, String hash) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", usdc(amount), "asset", "USDC", "to_address", customer));
        if (hash != null) {
            body.put("transaction_hash", hash);
        }
        return store.asMerchant().body(body).post("/v1/orders/" + id + "/refund").then();
    }

    @Test
    void shouldRefundAReturnedOrderOnceTheRefundIsDeepEnough() {
        BigInteger[] due = new BigInteger[1];
        String id = paid(due);
        for (String action : List.of("fulfill", "ship", "deliver", "return")) {
            store.asMerchant().post("/v1/orders/" + id + "/" + action).then().statusCode(200);
        }
        String hash = AnvilNodes.CELO.payToken("USDC", customer, due[0]);
        refund(id, due[0], hash).statusCode(201).body("status", equalTo("pending")).body("chain", equalTo("CELO"))
                .body("transaction_hash", equalTo(hash));
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("RETURNED")).body("refunds[0].status", equalTo("pending"));
        AnvilNodes.CELO.mine(9);
        refunds.checkPending();
        store.asMerchant().get("/v1/orders/" + id).then()
                .body("status", equalTo("REFUNDED"))
                .body("refunds", hasSize(1))
                .body("refunds[0].status", equalTo("verified"))
                .body("refunds[0].amount", equalTo(usdc(due[0])))
                .body("timeline[-1].status", equalTo("REFUNDED"))
                .body("timeline[-1].actor", equalTo("chain"));
        // REFUNDED is final
        store.asMerchant().post("/v1/orders/" + id + "/ship").then().statusCode(409).body("allowed_statuses", hasSize(0));
    }

    @Test
    void shouldListPartialRefundsOfADisputedOrderAndRefundItWhenTheyCoverIt() {
        BigInteger[] due = new BigInteger[1];
        String id = paid(due);
        store.asMerchant().body(Map.of("reason", "chargeback")).post("/v1/orders/" + id + "/dispute").then().statusCode(200);
        BigInteger half = due[0].divide(BigInteger.TWO);
        String first = AnvilNodes.CELO.payToken("USDC", customer, half);
        AnvilNodes.CELO.mine(10);
        refund(id, half, first).statusCode(201).body("status", equalTo("verified"));
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("DISPUTED")).body("refunds", hasSize(1));
        store.asMerchant().body(Map.of("outcome", "refunded")).post("/v1/orders/" + id + "/resolve").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));

        TestClockProducer.clock().advance(java.time.Duration.ofMinutes(1)); // listed oldest first
        BigInteger rest = due[0].subtract(half);
        String second = AnvilNodes.CELO.payToken("USDC", customer, rest);
        AnvilNodes.CELO.mine(10);
        refund(id, rest, second).statusCode(201).body("status", equalTo("verified"));
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("REFUNDED")).body("refunds", hasSize(2))
                .body("refunds.transaction_hash", equalTo(List.of(first, second)));
    }

    @Test
    void shouldRefuseARefundToAnotherRecipientAndAHashCountedTwice() {
        BigInteger[] due = new BigInteger[1];
        String id = paid(due);
        String elsewhere = AnvilNodes.CELO.payToken("USDC", Fixtures.randomAddress(), due[0]);
        AnvilNodes.CELO.mine(10);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        refund(id, due[0], elsewhere).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("transaction_hash"));
        before.assertUnchanged();

        // the order's own payment address, or a payment into the store, is no refund
        store.asMerchant().body(Map.of("amount", usdc(due[0]), "asset", "USDC", "to_address", wallet))
                .post("/v1/orders/" + id + "/refund").then().statusCode(400).body("errors[0].field", equalTo("to_address"));
        String payment = store.asMerchant().get("/v1/orders/" + id).then().extract().path("payment.transactions[0].hash");
        refund(id, due[0], payment).statusCode(400).body("errors[0].field", equalTo("transaction_hash"));
        before.assertUnchanged();

        String hash = AnvilNodes.CELO.payToken("USDC", customer, due[0].divide(BigInteger.TEN));
        AnvilNodes.CELO.mine(10);
        refund(id, due[0].divide(BigInteger.TEN), hash).statusCode(201);
        refund(id, due[0].divide(BigInteger.TEN), hash).statusCode(409)
                .body("type", equalTo("urn:confirma:problem:transaction_already_refunded"));
        String other = paid(new BigInteger[1]);
        refund(other, due[0].divide(BigInteger.TEN), hash).statusCode(409);
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("PAID")).body("refunds", hasSize(1));
    }

    @Test
    void shouldRecordARefundWithoutAHashAsUnverifiedAndRefuseOneOfAnUnpaidOrder() {
        BigInteger[] due = new BigInteger[1];
        String id = paid(due);
        refund(id, due[0], null).statusCode(201).body("status", equalTo("unverified"));
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("PAID")).body("refunds[0].status", equalTo("unverified"));

        String unpaid = MerchantOrders.create(store);
        refund(unpaid, BigInteger.ONE, null).statusCode(409).body("current_status", equalTo("CREATED"));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().body(Map.of("amount", "-1", "to_address", "0x12", "transaction_hash", "0xzz", "memo", "x"))
                .post("/v1/orders/" + id + "/refund").then().statusCode(400)
                .body("errors.field", hasItems("amount", "asset", "to_address", "transaction_hash", "memo"));
        before.assertUnchanged();
    }
}
