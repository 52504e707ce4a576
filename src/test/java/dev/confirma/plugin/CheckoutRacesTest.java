package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackDelivery;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.OrderExpiry;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Checkouts under real threads: many at one price at once, and checkouts, plugin and shopper
 * PUTs, the watcher's decisions and the expiry sweep all on the same orders at once. No
 * answer is a 5xx, no checkout fails for another's sake, and every change answered 200 is in
 * the final state, with its callback.
 */
@QuarkusTest
class CheckoutRacesTest {

    private static final int SHOPPERS = 64;

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    OrderExpiry expiry;

    @Test
    void shouldAnswerEverySimultaneousCheckoutAtOneTotalWithItsOwnAmounts() throws Exception {
        RateStub.resetAll();
        rates.refresh();
        TestStore store = Fixtures.createStore();
        List<JsonPath> orders = simultaneously(SHOPPERS, i -> {
            Map<String, Object> body = checkout(store); // one total, one shop order each
            return given().header("x-api-key", store.apiKey()).contentType(ContentType.JSON).body(body)
                    .post("/plugins/orders/checkout").then().extract();
        }).stream().map(response -> {
            assertEquals(200, response.statusCode(), response.asString());
            return response.jsonPath();
        }).toList();

        assertEquals(SHOPPERS, orders.stream().map(o -> o.getString("id")).distinct().count());
        Map<String, Set<BigInteger>> amountsByQuote = new HashMap<>();
        for (JsonPath order : orders) {
            List<Map<String, Object>> quotes = order.getList("quotes");
            assertTrue(quotes.size() >= 6, "every asset quoted on both chains: " + quotes);
            for (Map<String, Object> quote : quotes) {
                amountsByQuote.computeIfAbsent(quote.get("protocol") + " " + quote.get("asset"), k -> new HashSet<>())
                        .add(new BigInteger((String) quote.get("amountBaseUnits")));
            }
        }
        assertEquals(orders.get(0).getList("quotes").size(), amountsByQuote.size());
        amountsByQuote.forEach((quote, amounts) -> {
            assertEquals(SHOPPERS, amounts.size(), quote + ": one amount per order");
            BigInteger lowest = Collections.min(amounts);
            assertEquals(lowest.add(BigInteger.valueOf(SHOPPERS - 1)), Collections.max(amounts),
                    quote + ": the " + SHOPPERS + " lowest amounts from the amount due up");
        });
    }

    @Test
    void shouldKeepEveryAnsweredChangeWhenCheckoutsPutsTheWatcherAndExpiryRaceOnTheSameOrders() throws Exception {
        String wallet = Fixtures.randomAddress();
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Racing shop", wallet);
        int count = 24;
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<JsonPath> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = checkout(store);
            bodies.add(body);
            orders.add(postCheckout(store, body).statusCode(200).extract().jsonPath());
        }
        // orders 0-11 are paid, exactly, by their unique USDC amount and no claim
        for (int i = 0; i < 12; i++) {
            AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(orders.get(i).getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits")));
        }
        AnvilNodes.CELO.mine(10);
        // every order's quote has run out: the sweep cancels what the watcher has not credited yet
        TestClockProducer.clock().advance(Duration.ofMinutes(16));
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());

        List<String> ids = orders.stream().map(o -> o.getString("id")).toList();
        List<String> hashes = IntStream.range(0, count).mapToObj(i -> Fixtures.randomTxHash()).toList();
        List<Integer> cancels = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, 0)));
        List<Integer> claims = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, 0)));
        List<Integer> reposts = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, 0)));
        List<Callable<Void>> racers = List.of(
                () -> {
                    watcher.poll(TestChains.CELO);
                    watcher.poll(TestChains.CELO);
                    return null;
                },
                () -> {
                    expiry.cancelExpired();
                    return null;
                },
                () -> {
                    for (int i = 6; i < 18; i++) { // the plugin cancels paid and unpaid orders
                        cancels.set(i, store.asPlugin().body(Map.of("paymentStatus", "cancelled"))
                                .put("/plugins/checkout/" + ids.get(i)).statusCode());
                    }
                    return null;
                },
                () -> {
                    for (int i = 12; i < 24; i++) { // shoppers attach hashes to unpaid orders
                        claims.set(i, given().contentType(ContentType.JSON)
                                .header("Authorization", "Bearer " + orders.get(i).getString("sessionToken"))
                                .body(Map.of("transactionHash", hashes.get(i), "blockchain", "CELO", "paymentMethod", "USDC"))
                                .put("/plugins/checkout/" + ids.get(i)).statusCode());
                    }
                    return null;
                },
                () -> {
                    for (int i = 18; i < 24; i++) { // the shop posts its orders again
                        reposts.set(i, postCheckout(store, bodies.get(i)).extract().statusCode());
                    }
                    return null;
                });
        simultaneously(racers.size(), i -> {
            racers.get(i).call();
            return null;
        });
        watcher.poll(TestChains.CELO); // what the race kept from being decided is decided now
        expiry.cancelExpired();

        for (int i = 0; i < count; i++) {
            JsonPath order = store.asPlugin().get("/plugins/orders/" + ids.get(i)).then().statusCode(200).extract().jsonPath();
            String status = order.getString("paymentStatus");
            String why = "order " + i + ": cancel " + cancels.get(i) + ", claim " + claims.get(i) + ", re-post " + reposts.get(i);
            assertAnswered(cancels.get(i), why);
            assertAnswered(claims.get(i), why);
            assertTrue(reposts.get(i) == 0 || reposts.get(i) == 200, why);
            if (i < 12) {
                // paid: confirmed, unless the plugin's cancel was answered 200 first
                assertEquals(cancels.get(i) == 200 ? "cancelled" : "confirmed", status, why);
            } else {
                assertEquals("cancelled", status, why);
            }
            if (cancels.get(i) == 200) {
                assertEquals("cancelled", status, why);
            }
            if (claims.get(i) == 200) {
                assertTrue(order.getList("transactions.hash").contains(hashes.get(i)), why + ": the answered claim is kept");
            }
            String id = ids.get(i);
            List<String> called = QuarkusTransaction.requiringNew().call(() -> CallbackDelivery.<CallbackDelivery>list(
                    "orderId = ?1 order by seq", id).stream().map(d -> d.paymentStatus).toList());
            assertEquals(status, called.get(called.size() - 1), why + ": the last callback tells the final status " + called);
        }
        assertNull(watcher.statuses().stream().filter(s -> s.chain().equals("CELO")).findFirst().orElseThrow().lastError());
    }

    /** A 200 or a 409 (another change to the same order won, or the order no longer allows it); 0 means not sent. */
    private static void assertAnswered(int status, String why) {
        assertTrue(status == 0 || status == 200 || status == 409, why);
    }

    private static <T> List<T> simultaneously(int n, Simultaneously.Racer<T> racer) throws Exception {
        return Simultaneously.run(n, racer);
    }
}
