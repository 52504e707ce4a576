package dev.confirma.payment;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A plugin cancelling orders while the watcher confirms their payments: whichever wins, the
 * answer the plugin got is the truth, and no order is changed twice.
 */
@QuarkusTest
class PaymentRacesTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Test
    void shouldLetEitherTheCancelOrTheConfirmationWinButNeverBoth() throws Exception {
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        RateStub.resetAll();
        rates.refresh();
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        String wallet = Fixtures.randomAddress();
        TestStore store = Fixtures.createStore(Map.of("name", "Racing", "acceptedAssets", List.of("USDC"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", wallet))));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var order = postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
            orders.add(order.getString("id"));
            AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(order.getString("quotes[0].amountBaseUnits")));
        }
        AnvilNodes.CELO.mine(10);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> poll = CompletableFuture.runAsync(() -> {
            await(start);
            watcher.poll(TestChains.CELO);
        });
        // one after another, so the cancels span the poll's decisions (about half of each, run after run)
        CompletableFuture<List<Integer>> cancelling = CompletableFuture.supplyAsync(() -> {
            await(start);
            List<Integer> answers = new ArrayList<>(java.util.Collections.nCopies(orders.size(), 0));
            for (int i = orders.size() - 1; i >= 0; i--) {
                answers.set(i, store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orders.get(i)).statusCode());
            }
            return answers;
        });
        start.countDown();
        poll.get();
        List<Integer> answers = cancelling.get();
        watcher.poll(TestChains.CELO); // an order the race kept from being decided is decided now

        for (int i = 0; i < orders.size(); i++) {
            int answer = answers.get(i);
            String status = store.asPlugin().get("/plugins/orders/" + orders.get(i)).then().extract().path("paymentStatus");
            assertTrue(answer == 200 || answer == 409, "order " + i + " answered " + answer);
            assertEquals(answer == 200 ? "cancelled" : "confirmed", status, "order " + i + " answered " + answer);
        }
        assertEquals(null, watcher.statuses().stream().filter(s -> s.chain().equals("CELO")).findFirst().orElseThrow().lastError());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
