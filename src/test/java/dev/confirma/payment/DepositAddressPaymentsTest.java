package dev.confirma.payment;

import static dev.confirma.support.Fixtures.asOperator;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.evm.AccountKeys;
import dev.confirma.chain.evm.ExtendedPublicKey;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * A store that registers an xpub: every order is paid at its own derived address, so any
 * amount arriving there is that order's, without a claim or a unique amount.
 */
@QuarkusTest
class DepositAddressPaymentsTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    private String xpub;
    private TestStore store;

    @BeforeEach
    void storeWithAnXpub() {
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        RateStub.resetAll();
        rates.refresh();
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        xpub = freshAccountXpub();
        store = Fixtures.createStore(Map.of("name", "Per-order addresses", "acceptedAssets", List.of("CELO", "USDC"),
                "wallets", List.of(Map.of("protocol", "CELO", "xpub", xpub))));
    }

    /** A new wallet's first account, m/44'/60'/0', as the wallet would export it. */
    private static String freshAccountXpub() {
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        byte[] seed = MnemonicUtils.generateSeed(MnemonicUtils.generateMnemonic(entropy), "");
        return AccountKeys.xpubOf(Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed),
                new int[] {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT}));
    }

    private JsonPath order() {
        return postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
    }

    private static String usdcAddress(JsonPath order) {
        return order.getString("quotes.find { it.asset == 'USDC' }.address");
    }

    @Test
    void shouldGiveEachOrderItsOwnAddressAndTheFullAmount() {
        JsonPath first = order();
        JsonPath second = order();
        ExtendedPublicKey account = ExtendedPublicKey.parse(xpub);

        assertEquals(account.derive(0, 0).address(), usdcAddress(first));
        assertEquals(account.derive(0, 1).address(), usdcAddress(second));
        assertEquals(usdcAddress(first), first.getString("quotes.find { it.asset == 'CELO' }.address"));
        // no shared address, so no per-order offset: both are asked exactly 12.5 USDC
        assertEquals("12500000", first.getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits"));
        assertEquals("12500000", second.getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits"));
        asOperator().get("/admin/stores/" + store.id()).then().body("wallets[0].xpub", equalTo(xpub)).body("wallets[0].address", equalTo(null));
    }

    @Test
    void shouldCreditAnyAmountArrivingAtAnOrdersAddressWithoutAClaim() {
        JsonPath partial = order();
        JsonPath over = order();
        String address = usdcAddress(partial);
        String firstHalf = AnvilNodes.CELO.payToken("USDC", address, BigInteger.valueOf(6_000_000));
        String rest = AnvilNodes.CELO.pay(address, new BigInteger("13000000000000000000")); // 13 of 25 CELO
        AnvilNodes.CELO.payToken("USDC", usdcAddress(over), BigInteger.valueOf(13_500_000));
        AnvilNodes.CELO.mine(10);
        watcher.poll(TestChains.CELO);

        store.asPlugin().get("/plugins/orders/" + partial.getString("id")).then()
                .body("paymentStatus", equalTo("confirmed"))
                .body("transactions", hasSize(2))
                .body("transactions.hash", org.hamcrest.Matchers.containsInAnyOrder(firstHalf, rest));
        store.asPlugin().get("/plugins/orders/" + over.getString("id")).then()
                .body("paymentStatus", equalTo("confirmed"))
                .body("amountReceived", equalTo("13.5"));
    }

    @Test
    void shouldRefuseAnXpubAnotherStoreDerivesFrom() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        asOperator().body(Map.of("name", "Copycat", "wallets", List.of(Map.of("protocol", "ETHEREUM", "xpub", xpub))))
                .post("/admin/stores").then()
                .statusCode(409)
                .body("error.code", equalTo("xpub_in_use"));
        before.assertUnchanged();
    }

    @Test
    void shouldStopWatchingAnAddressWhenItsOrderCanNoLongerBePaid() {
        String address = usdcAddress(order());
        watcher.poll(TestChains.CELO);
        assertTrue(watchedOnCelo().contains(address));
        TestClockProducer.clock().advance(java.time.Duration.ofHours(25));
        assertTrue(!watchedOnCelo().contains(address));
    }

    @Inject
    ReservedAddresses reservedAddresses;

    private java.util.Collection<String> watchedOnCelo() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> reservedAddresses.on(TestChains.CELO));
    }
}
