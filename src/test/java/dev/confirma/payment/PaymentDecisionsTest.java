package dev.confirma.payment;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.OrderExpiry;
import dev.confirma.plugin.ShortPaymentException;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders decided from real payments on local nodes. A 12.50 USD order at the stub's rates
 * is due 25 CELO, 12.5 cUSD, 12.5 USDC (6 decimals) on Celo, whose depth is 10 blocks.
 */
@QuarkusTest
class PaymentDecisionsTest {

    private static final BigInteger USDC_DUE = BigInteger.valueOf(12_500_000);
    private static final BigInteger CELO_DUE = new BigInteger("25000000000000000000");

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    OrderExpiry expiry;

    private TestStore store;
    private String wallet;

    @BeforeEach
    void storeAndCaughtUpWatcher() {
        AnvilNodes.ETHEREUM.alignClock(TestClockProducer.clock());
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Paid", wallet);
    }

    private String order() {
        return postCheckout(store, checkout(store)).statusCode(200).extract().path("id");
    }

    private void claim(String order, String hash, String asset) {
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", asset))
                .put("/plugins/checkout/" + order).then().statusCode(200);
    }

    private ValidatableResponse afterBlocks(String order, int blocks) {
        if (blocks > 0) {
            AnvilNodes.CELO.mine(blocks);
        }
        watcher.poll(TestChains.CELO);
        return store.asPlugin().get("/plugins/orders/" + order).then().statusCode(200);
    }

    @Test
    void shouldConfirmAnExactPaymentOnceItIsDeepEnough() {
        String order = order();
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        claim(order, hash, "USDC");

        afterBlocks(order, 0)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions", hasSize(1))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].amount", equalTo("12.5"))
                .body("transactions[0].confirmations", equalTo(1))
                .body("transactions[0].status", equalTo("pending"));
        afterBlocks(order, 8).body("paymentStatus", equalTo("on-hold")).body("transactions[0].confirmations", equalTo(9));
        afterBlocks(order, 1)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions[0].confirmations", equalTo(10))
                .body("transactions[0].status", equalTo("confirmed"))
                .body("amountReceived", equalTo("12.5"))
                .body("paymentException", equalTo(null))
                .body("paymentMethod", equalTo("USDC"))
                .body("blockchain", equalTo("CELO"));
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    private static LifecycleStatus lifecycle(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(orderId).lifecycleStatus());
    }

    @Test
    void shouldFailAPaymentShortByOneBaseUnit() {
        String order = order();
        claim(order, AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE.subtract(BigInteger.ONE)), "USDC");
        afterBlocks(order, 10)
                .body("paymentStatus", equalTo("failed"))
                .body("paymentException", equalTo("partial"))
                .body("amountReceived", equalTo("12.499999"));
        assertEquals(LifecycleStatus.CREATED, lifecycle(order)); // a short payment pays nothing: the merchant decides
    }

    @Test
    void shouldConfirmAnOverpaymentAndShowWhatArrived() {
        String order = order();
        claim(order, AnvilNodes.CELO.pay(wallet, CELO_DUE.add(BigInteger.TEN.pow(18))), "CELO");
        afterBlocks(order, 10).body("paymentStatus", equalTo("confirmed")).body("amountReceived", equalTo("26"))
                .body("paymentException", equalTo("over"));
    }

    @Test
    void shouldAddUpTwoPartialPaymentsInDifferentAssets() {
        String order = order();
        // half in cUSD (6.25 of 12.5) and half in CELO (12.5 of 25)
        claim(order, AnvilNodes.CELO.payToken("cUSD", wallet, new BigInteger("6250000000000000000")), "cUSD");
        afterBlocks(order, 10).body("paymentStatus", equalTo("failed"));

        String second = order();
        claim(second, AnvilNodes.CELO.payToken("cUSD", wallet, new BigInteger("6250000000000000000")), "cUSD");
        claim(second, AnvilNodes.CELO.pay(wallet, new BigInteger("12500000000000000000")), "CELO");
        afterBlocks(second, 10)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions", hasSize(2))
                .body("amountReceived", equalTo("12.5"))
                .body("paymentMethod", equalTo(null));
    }

    @Test
    void shouldFindAnUnclaimedPaymentByItsUniqueAmount() {
        String first = order();
        var second = postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
        // the same total at the same address: the second order is asked one base unit more
        String secondDue = second.getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits");
        org.junit.jupiter.api.Assertions.assertEquals("12500001", secondDue);

        String hash = AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(secondDue)); // no claim: a phone wallet paid the QR code
        afterBlocks(second.getString("id"), 10)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions[0].hash", equalTo(hash))
                .body("amountReceived", equalTo("12.500001"));
        store.asPlugin().get("/plugins/orders/" + first).then().body("paymentStatus", equalTo("pending"));
    }

    @Test
    void shouldLetAnExactReservedAmountWinOverAnotherOrdersClaim() {
        String victim = order(); // asked 12500000 USDC
        String thief = order();  // asked 12500001, claims the victim's payment first
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        claim(thief, hash, "USDC");

        afterBlocks(victim, 10).body("paymentStatus", equalTo("confirmed")).body("transactions[0].hash", equalTo(hash));
        store.asPlugin().get("/plugins/orders/" + thief).then()
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions[0].status", equalTo("unverified"));
    }

    @Test
    void shouldNotLetAClaimTakeAPaymentMadeBeforeTheOrder() {
        String old = AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(99_000_000)); // matches no order
        watcher.poll(TestChains.CELO);
        TestClockProducer.clock().advance(java.time.Duration.ofMinutes(2));
        rates.refresh();
        String order = order();
        claim(order, old, "USDC");
        afterBlocks(order, 10)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions[0].status", equalTo("unverified"));
    }

    @Test
    void shouldConfirmAnExactPaymentMadeInThreeEqualParts() {
        Map<String, Object> body = checkout(store);
        body.put("orderTotal", "12.30"); // 12300000 USDC: three parts of 4100000, a third each
        String order = postCheckout(store, body).statusCode(200).extract().path("id");
        for (int part = 0; part < 3; part++) {
            claim(order, AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(4_100_000)), "USDC");
        }
        afterBlocks(order, 10).body("paymentStatus", equalTo("confirmed")).body("amountReceived", equalTo("12.3"));
    }

    @Test
    void shouldWaitForEveryPaymentToBeDeepOnItsOwnChain() {
        String ethWallet = Fixtures.randomAddress();
        TestStore both = Fixtures.createStore(Map.of("name", "Two chains", "acceptedAssets", List.of("USDC"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", wallet), Map.of("protocol", "ETHEREUM", "address", ethWallet))));
        watcher.poll(TestChains.ETHEREUM);
        String order = postCheckout(both, checkout(both)).statusCode(200).extract().path("id");
        // half on each chain; Celo's depth is 10, Ethereum's 12
        String onCelo = AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(6_250_000));
        String onEthereum = AnvilNodes.ETHEREUM.payToken("USDC", ethWallet, BigInteger.valueOf(6_250_000));
        both.asPlugin().body(Map.of("transactionHash", onCelo, "blockchain", "CELO", "paymentMethod", "USDC"))
                .put("/plugins/checkout/" + order).then().statusCode(200);
        both.asPlugin().body(Map.of("transactionHash", onEthereum, "blockchain", "ETHEREUM", "paymentMethod", "USDC"))
                .put("/plugins/checkout/" + order).then().statusCode(200);
        watcher.poll(TestChains.ETHEREUM);
        AnvilNodes.CELO.mine(20);
        watcher.poll(TestChains.CELO);
        both.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions.find { it.protocol == 'ETHEREUM' }.confirmations", equalTo(1));

        AnvilNodes.ETHEREUM.mine(11);
        watcher.poll(TestChains.ETHEREUM);
        both.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("confirmed"))
                .body("amountReceived", equalTo("12.5"));
    }

    @Test
    void shouldLeaveAPaymentMatchingNoOrderUnattributed() {
        String order = order();
        AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(7_777_777));
        afterBlocks(order, 10).body("paymentStatus", equalTo("pending")).body("transactions", hasSize(0));
    }

    @Test
    void shouldNotCreditATokenTheOrderWasNotQuoted() {
        TestStore cusdOnly = Fixtures.createStore(Map.of("name", "cUSD only", "acceptedAssets", List.of("cUSD"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", wallet))));
        String order = postCheckout(cusdOnly, checkout(cusdOnly)).statusCode(200).extract().path("id");
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        cusdOnly.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + order).then().statusCode(200);
        AnvilNodes.CELO.mine(10);
        watcher.poll(TestChains.CELO);
        cusdOnly.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("failed"))
                .body("transactions[0].status", equalTo("ignored"))
                .body("transactions[0].note", containsString("USDC to " + wallet + " on CELO is not one of the order's quotes"))
                .body("amountReceived", equalTo(null));
    }

    @Test
    void shouldCreditOneTransactionToOneOrderOnly() {
        String first = order();
        String second = order();
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        claim(first, hash, "USDC");
        TestClockProducer.clock().advance(java.time.Duration.ofSeconds(1));
        claim(second, hash, "USDC");

        afterBlocks(first, 10).body("paymentStatus", equalTo("confirmed"));
        store.asPlugin().get("/plugins/orders/" + second).then()
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions[0].status", equalTo("unverified"));
    }

    @Test
    void shouldRefuseAtOnceAHashTheChainAlreadyCreditedToAnotherOrder() {
        String paid = order();
        JsonPath otherCheckout = postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
        String other = otherCheckout.getString("id");
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        claim(paid, hash, "USDC");
        afterBlocks(paid, 0).body("transactions[0].status", equalTo("pending"));

        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (Map<String, String> body : List.of(
                Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "USDC"),
                Map.of("transactionHash", "0x" + hash.substring(2).toUpperCase(Locale.ROOT)))) { // no chain named: any chain counts
            store.asPlugin().body(body).put("/plugins/checkout/" + other).then()
                    .statusCode(409)
                    .body("status", equalTo("failed"))
                    .body("error.code", equalTo("transaction_already_used"))
                    .body("error.field", equalTo("transactionHash"))
                    .body("message", containsString("already paid another order"));
        }
        given().contentType("application/json").queryParam("sessionToken", otherCheckout.getString("sessionToken"))
                .body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + other).then()
                .statusCode(409).body("error.code", equalTo("transaction_already_used"));
        before.assertUnchanged(); // no claim, no status change, no callback
        store.asPlugin().get("/plugins/orders/" + other).then()
                .body("paymentStatus", equalTo("pending"))
                .body("transactions", hasSize(0));
        // the order it paid still takes it again, as the same claim
        claim(paid, hash, "USDC");
    }

    @Test
    void shouldUncreditAPaymentWhoseBlockIsReorgedAwayBeforeConfirmation() {
        String order = order();
        String snapshot = AnvilNodes.CELO.snapshot();
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        claim(order, hash, "USDC");
        afterBlocks(order, 2).body("transactions[0].status", equalTo("pending"));

        AnvilNodes.CELO.revert(snapshot);
        AnvilNodes.CELO.mineAnotherBranch(12);
        afterBlocks(order, 0)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions", hasSize(1))
                .body("transactions[0].status", equalTo("unverified"))
                .body("amountReceived", equalTo(null))
                .body("paymentException", equalTo(null));
    }

    @Test
    void shouldAnswerAHashTheChainFoundShortWithTheCryptumError() {
        String order = order();
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE.subtract(BigInteger.ONE));
        claim(order, hash, "USDC");
        String ecommerceOrderId = afterBlocks(order, 10).body("paymentStatus", equalTo("failed")).extract().path("ecommerceOrderId");

        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "USDC"))
                .put("/plugins/checkout/" + order).then()
                .statusCode(400)
                .body("message", equalTo(ShortPaymentException.MESSAGE))
                .body("status", equalTo("failed"))
                .body("orderId", equalTo(order))
                .body("ecommerceOrderId", equalTo(ecommerceOrderId))
                .body("storeId", equalTo(store.id()))
                .body("transactions", hasSize(1))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].amount", equalTo("12.499999"))
                .body("error.code", equalTo("amount_less_than_total"));
        before.assertUnchanged();
    }

    @Test
    void shouldCreditAnUnclaimedPaymentAfterExpiryInsideTheLateWindowAndFlagIt() {
        String order = order();
        TestClockProducer.clock().advance(Duration.ofMinutes(16));
        expiry.cancelExpired();
        store.asPlugin().get("/plugins/orders/" + order).then().body("paymentStatus", equalTo("cancelled")).body("late", equalTo(false));

        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE); // found by its amount, still reserved
        afterBlocks(order, 1).body("paymentStatus", equalTo("on-hold")).body("late", equalTo(true));
        afterBlocks(order, 9)
                .body("paymentStatus", equalTo("confirmed"))
                .body("late", equalTo(true))
                .body("paymentException", equalTo("late"))
                .body("transactions[0].hash", equalTo(hash))
                .body("amountReceived", equalTo("12.5"));
    }

    /** Found by CheckoutRacesTest: the store's cancel was answered 200, then a late payment confirmed the order. */
    @Test
    void shouldNotReopenAnExpiredOrderTheStoreCancelledToo() {
        String order = order();
        TestClockProducer.clock().advance(Duration.ofMinutes(16));
        expiry.cancelExpired();
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + order).then()
                .statusCode(200).body("paymentStatus", equalTo("cancelled"));

        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        afterBlocks(order, 10).body("paymentStatus", equalTo("cancelled")).body("late", equalTo(false));
        store.asPlugin().body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + order).then()
                .statusCode(409).body("error.code", equalTo("order_not_payable"));
        assertEquals(LifecycleStatus.CANCELLED, lifecycle(order));
    }

    @Test
    void shouldTakeAHashForAnExpiredOrderAndConfirmItLate() {
        String order = order();
        TestClockProducer.clock().advance(Duration.ofHours(3));
        expiry.cancelExpired();
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        String hash = AnvilNodes.CELO.pay(wallet, CELO_DUE);
        claim(order, hash, "CELO");
        // a hash alone does not reopen an expired order: the chain does
        store.asPlugin().get("/plugins/orders/" + order).then().body("paymentStatus", equalTo("cancelled"));
        afterBlocks(order, 10).body("paymentStatus", equalTo("confirmed")).body("late", equalTo(true));
    }

    @Test
    void shouldNotCreditAPaymentAfterTheLateWindowCloses() {
        String order = order();
        TestClockProducer.clock().advance(Duration.ofHours(24).plusMinutes(16));
        expiry.cancelExpired();
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE);
        store.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + order).then()
                .statusCode(409).body("error.code", equalTo("order_not_payable"));
        afterBlocks(order, 10).body("paymentStatus", equalTo("cancelled")).body("transactions", hasSize(0)).body("late", equalTo(false));
    }

    @Test
    void shouldCancelAnOnHoldOrderWhosePaymentNeverCameWhenTheLateWindowCloses() {
        String order = order();
        claim(order, Fixtures.randomTxHash(), "USDC");
        TestClockProducer.clock().advance(Duration.ofHours(1));
        expiry.cancelExpired();
        store.asPlugin().get("/plugins/orders/" + order).then().body("paymentStatus", equalTo("on-hold"));
        TestClockProducer.clock().advance(Duration.ofHours(24));
        expiry.cancelExpired();
        store.asPlugin().get("/plugins/orders/" + order).then().body("paymentStatus", equalTo("cancelled"));
    }

    @Test
    void shouldConfirmAPaymentTheNodeHasFinalizedBeforeItIsDeep() {
        String ethWallet = Fixtures.randomAddress();
        TestStore onEthereum = Fixtures.createStore(Map.of("name", "Ethereum", "acceptedAssets", List.of("USDC"),
                "wallets", List.of(Map.of("protocol", "ETHEREUM", "address", ethWallet))));
        watcher.poll(TestChains.ETHEREUM);
        String order = postCheckout(onEthereum, checkout(onEthereum)).statusCode(200).extract().path("id");
        AnvilNodes.ETHEREUM.payToken("USDC", ethWallet, USDC_DUE); // found by its amount

        // Ethereum's depth is 12; the test node finalizes 4 blocks behind its head
        AnvilNodes.ETHEREUM.mine(3);
        watcher.poll(TestChains.ETHEREUM);
        onEthereum.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("on-hold")).body("transactions[0].confirmations", equalTo(4));
        AnvilNodes.ETHEREUM.mine(1);
        watcher.poll(TestChains.ETHEREUM);
        onEthereum.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions[0].confirmations", equalTo(5))
                .body("transactions[0].status", equalTo("confirmed"));
    }

    @Test
    void shouldCreditAnUnclaimedPaymentAgainWhenAReorgMinesItInAnotherBlock() {
        String order = order();
        String snapshot = AnvilNodes.CELO.snapshot();
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, USDC_DUE); // no claim: found by its amount
        String signed = AnvilNodes.CELO.call("eth_getRawTransactionByHash", hash).asText();
        long firstBlock = Long.decode(AnvilNodes.CELO.receipt(hash).get("blockNumber").asText());
        afterBlocks(order, 4).body("paymentStatus", equalTo("on-hold")).body("transactions[0].confirmations", equalTo(5));

        // the branch that held it is replaced; the same signed transaction lands two blocks later on the new one
        AnvilNodes.CELO.revert(snapshot);
        AnvilNodes.CELO.mineAnotherBranch(2);
        org.junit.jupiter.api.Assertions.assertEquals(hash, AnvilNodes.CELO.sendSigned(signed));
        org.junit.jupiter.api.Assertions.assertEquals(firstBlock + 2, Long.decode(AnvilNodes.CELO.receipt(hash).get("blockNumber").asText()));
        afterBlocks(order, 0)
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions", hasSize(1))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].confirmations", equalTo(1));
        afterBlocks(order, 9).body("paymentStatus", equalTo("confirmed")).body("amountReceived", equalTo("12.5"));
    }

    @Test
    void shouldFailAnOrderWhoseClaimedTransactionReverted() {
        // a store wallet that is a contract refusing plain value: the payment is mined and reverts
        String contractWallet = AnvilNodes.CELO.token("USDC");
        TestStore refusing = Fixtures.createStore(Map.of("name", "Contract wallet", "acceptedAssets", List.of("CELO"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", contractWallet))));
        String order = postCheckout(refusing, checkout(refusing)).statusCode(200).extract().path("id");
        String hash = AnvilNodes.CELO.send(Map.of("from", AnvilNodes.PAYER, "to", contractWallet,
                "value", "0x" + CELO_DUE.toString(16), "gas", "0x186a0"));
        refusing.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + order).then().statusCode(200);

        AnvilNodes.CELO.mine(8);
        watcher.poll(TestChains.CELO);
        refusing.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("on-hold"))
                .body("transactions[0].note", equalTo("the transaction reverted"));
        AnvilNodes.CELO.mine(1);
        watcher.poll(TestChains.CELO);
        refusing.asPlugin().get("/plugins/orders/" + order).then()
                .body("paymentStatus", equalTo("failed"))
                .body("transactions[0].status", equalTo("ignored"))
                .body("amountReceived", equalTo(null))
                .body("paymentException", equalTo(null));
    }

    @Test
    void shouldFailAnOrderWhoseClaimedTransactionPaidAnotherAddress() {
        String order = order();
        String elsewhere = Fixtures.randomAddress();
        Fixtures.createStore(Map.of("name", "Another shop", "wallets", List.of(Map.of("protocol", "CELO", "address", elsewhere))));
        String hash = AnvilNodes.CELO.payToken("USDC", elsewhere, USDC_DUE);
        claim(order, hash, "USDC");
        afterBlocks(order, 10)
                .body("paymentStatus", equalTo("failed"))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].status", equalTo("ignored"))
                .body("transactions[0].note", equalTo("USDC to " + elsewhere + " on CELO is not one of the order's quotes"));
    }
}
