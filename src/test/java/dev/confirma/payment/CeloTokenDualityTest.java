package dev.confirma.payment;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.plugin.ShortPaymentException;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CELO is also an ERC-20 (token duality): a payment through its token interface's
 * {@code transfer} moves native CELO but carries no value, only a {@code Transfer} log. On the
 * local node a test token plays that contract ({@code confirma.chains.celo.assets.CELO.token-contract}
 * points at it). A 12.50 USD order is due 25 CELO at the stub's rates; Celo's depth is 10 blocks.
 */
@QuarkusTest
class CeloTokenDualityTest {

    private static final BigInteger CELO_DUE = new BigInteger("25000000000000000000");
    private static final BigInteger HALF = CELO_DUE.divide(BigInteger.TWO);

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    private TestStore store;
    private String wallet;

    @BeforeEach
    void storeAndCaughtUpWatcher() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Loja Dualidade", wallet);
    }

    private JsonPath order() {
        return postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
    }

    private void claim(String order, String hash) {
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "CELO"))
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
    void shouldConfirmAnOrderPaidHalfNativelyAndHalfThroughTheCeloToken() {
        String order = order().getString("id");
        String sentNatively = AnvilNodes.CELO.pay(wallet, HALF);
        String sentAsToken = AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, HALF);
        claim(order, sentNatively);
        claim(order, sentAsToken);

        afterBlocks(order, 0).body("paymentStatus", equalTo("on-hold"));
        afterBlocks(order, 10)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions", hasSize(2))
                // payments credited in one poll are listed in no particular order
                .body("transactions.hash", containsInAnyOrder(sentNatively, sentAsToken))
                .body("transactions.asset", contains("CELO", "CELO"))
                .body("transactions.amount", contains("12.5", "12.5"))
                .body("transactions.status", contains("confirmed", "confirmed"))
                .body("amountReceived", equalTo("25"))
                .body("paymentMethod", equalTo("CELO"))
                .body("blockchain", equalTo("CELO"));
    }

    @Test
    void shouldFindAnUnclaimedCeloTokenPaymentByItsUniqueAmount() {
        JsonPath order = order();
        BigInteger due = new BigInteger(order.getString("quotes.find { it.asset == 'CELO' }.amountBaseUnits"));
        // no claim: a wallet that holds CELO as a token paid the order's exact amount
        AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, due);
        afterBlocks(order.getString("id"), 10)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions.asset", contains("CELO"))
                .body("paymentMethod", equalTo("CELO"));
    }

    @Test
    void shouldCreditTheShoppersClaimOfACeloTokenTransfer() {
        JsonPath order = order();
        String id = order.getString("id");
        // one base unit over: no reserved amount matches it, only the shopper's claim names the order
        BigInteger paid = new BigInteger(order.getString("quotes.find { it.asset == 'CELO' }.amountBaseUnits")).add(BigInteger.ONE);
        String hash = AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, paid);
        afterBlocks(id, 0).body("paymentStatus", equalTo("pending")).body("transactions", hasSize(0));

        // what the hosted page sends once the wallet has paid
        given().header("Authorization", "Bearer " + order.getString("sessionToken")).contentType(ContentType.JSON)
                .body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "CELO"))
                .put("/plugins/checkout/" + id).then().statusCode(200)
                .body("paymentStatus", equalTo("on-hold"));
        afterBlocks(id, 10)
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].asset", equalTo("CELO"))
                .body("transactions[0].protocol", equalTo("CELO"))
                .body("amountReceived", equalTo(new java.math.BigDecimal(paid, 18).toPlainString()));
    }

    @Test
    void shouldAnswerAClaimOfAShortCeloTokenTransferWithTheCryptumError() {
        String order = order().getString("id");
        String hash = AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, HALF);
        claim(order, hash);
        afterBlocks(order, 10).body("paymentStatus", equalTo("failed")).body("amountReceived", equalTo("12.5"));

        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "CELO"))
                .put("/plugins/checkout/" + order).then()
                .statusCode(400)
                .body("message", equalTo(ShortPaymentException.MESSAGE))
                .body("transactions", hasSize(1))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].asset", equalTo("CELO"))
                .body("transactions[0].amount", equalTo("12.5"))
                .body("error.code", equalTo("amount_less_than_total"));
        before.assertUnchanged();
    }
}
