package dev.confirma.payment;

import static org.hamcrest.Matchers.equalTo;

import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.OrderExpiry;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An order the expiry cancelled unpaid is cancelled for the merchant once nothing can pay it:
 * its late-payment window is over and its chain has been read well past it. A payment made
 * inside the window but read late still pays it.
 */
@QuarkusTest
class LapsedOrdersTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    OrderExpiry expiry;

    @Inject
    LapsedOrders lapsed;

    private void readTheChainAt(Duration later) {
        TestClockProducer.clock().advance(later);
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        AnvilNodes.CELO.mine(1);
        watcher.poll(TestChains.CELO);
    }

    @Test
    void shouldCancelForTheMerchantOnlyOnceTheChainIsReadPastTheWindow() {
        String wallet = Fixtures.randomAddress();
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Lapsed", wallet);
        String unpaid = MerchantOrders.create(store);
        TestClockProducer.clock().advance(Duration.ofMinutes(15));
        expiry.cancelExpired();
        store.asMerchant().get("/v1/orders/" + unpaid).then().body("status", equalTo("CREATED"))
                .body("payment.status", equalTo("cancelled"));

        // the window (24 h) is over, but the chain has not been read past it: a payment may still be on its way
        TestClockProducer.clock().advance(Duration.ofHours(26));
        lapsed.closeLapsed();
        store.asMerchant().get("/v1/orders/" + unpaid).then().body("status", equalTo("CREATED"));

        readTheChainAt(Duration.ZERO);
        lapsed.closeLapsed();
        store.asMerchant().get("/v1/orders/" + unpaid).then().body("status", equalTo("CANCELLED"))
                .body("payment.status", equalTo("cancelled"))
                .body("timeline[1].actor", equalTo("system"))
                .body("timeline[1].reason", equalTo("expired unpaid; its late-payment window closed"));
        store.asPlugin().get("/plugins/orders/" + unpaid).then().body("lifecycleStatus", equalTo("CANCELLED"));
    }

    @Test
    void shouldNotCancelAnExpiredOrderWhoseHashIsClaimed() {
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Claimed", Fixtures.randomAddress());
        String order = MerchantOrders.create(store);
        TestClockProducer.clock().advance(Duration.ofMinutes(15));
        expiry.cancelExpired();
        // a hash claimed inside the window, its transaction not seen: the chain still decides the order
        store.asMerchant().body(java.util.Map.of("transaction_hash", Fixtures.randomTxHash())).post("/v1/orders/" + order + "/pay")
                .then().statusCode(200);
        readTheChainAt(Duration.ofHours(27));
        lapsed.closeLapsed();
        store.asMerchant().get("/v1/orders/" + order).then().body("status", equalTo("CREATED"));
    }

    @Test
    void shouldStillCreditAPaymentMadeInsideTheWindowWhenItIsReadLate() {
        String wallet = Fixtures.randomAddress();
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Late read", wallet);
        String order = MerchantOrders.create(store);
        String due = store.asMerchant().get("/v1/orders/" + order).then().extract()
                .path("payment.quotes.find { it.asset == 'USDC' }.amount_base_units");
        TestClockProducer.clock().advance(Duration.ofMinutes(15));
        expiry.cancelExpired();
        // paid inside the window; the watcher is down until long after the window closed
        TestClockProducer.clock().advance(Duration.ofHours(23));
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
        AnvilNodes.CELO.mine(10);
        TestClockProducer.clock().advance(Duration.ofHours(3));
        lapsed.closeLapsed();
        watcher.poll(TestChains.CELO);
        store.asMerchant().get("/v1/orders/" + order).then().body("status", equalTo("PAID"))
                .body("payment.status", equalTo("confirmed")).body("payment.late", equalTo(true));
    }
}
