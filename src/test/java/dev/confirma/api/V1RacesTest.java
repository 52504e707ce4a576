package dev.confirma.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestChains;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merchants, and the chain, moving one order at the same instant: one move wins, the others are told why; never a 500. */
@QuarkusTest
class V1RacesTest {

    /** From PAID, each of these shuts the other out: a fulfilled order is not held, a held one not fulfilled. */
    private static final List<String> ACTIONS = List.of("fulfill", "hold", "fulfill", "hold", "fulfill", "hold", "fulfill", "hold");

    @Inject
    EntityManager em;

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Test
    void shouldLetOneOfEightSimultaneousActionsWinAndRefuseTheRest() throws Exception {
        TestStore store = Fixtures.createStore();
        for (int round = 0; round < 5; round++) {
            String id = MerchantOrders.create(store);
            MerchantOrders.force(id, LifecycleStatus.PAID, null, em);
            List<Integer> answers = Simultaneously.run(ACTIONS.size(), i -> store.asMerchant()
                    .body(Map.of("reason", "race " + i)).post("/v1/orders/" + id + "/" + ACTIONS.get(i)).statusCode());
            assertEquals(1, answers.stream().filter(s -> s == 200).count(), "one winner: " + answers);
            assertTrue(answers.stream().allMatch(s -> s == 200 || s == 409), "the others refused, none failed: " + answers);
            JsonPath order = store.asMerchant().get("/v1/orders/" + id).then().extract().jsonPath();
            assertEquals(2, order.getList("timeline").size(), "one step appended: " + order.getList("timeline"));
            assertEquals(order.getString("status"), order.getString("timeline[1].status"));
        }
    }

    @Test
    void shouldEndConsistentWhenTheMerchantCancelsAsTheChainConfirms() throws Exception {
        String wallet = Fixtures.randomAddress();
        TestStore store = CeloScene.caughtUpStore(watcher, rates, "Race", wallet);
        for (int round = 0; round < 3; round++) {
            String id = MerchantOrders.create(store);
            String due = store.asMerchant().get("/v1/orders/" + id).then().extract()
                    .path("payment.quotes.find { it.asset == 'USDC' }.amount_base_units");
            AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
            AnvilNodes.CELO.mine(10);
            List<Integer> answers = Simultaneously.run(2, i -> {
                if (i == 0) {
                    watcher.poll(TestChains.CELO);
                    return 0;
                }
                return store.asMerchant().post("/v1/orders/" + id + "/cancel").statusCode();
            });
            watcher.poll(TestChains.CELO);
            JsonPath order = store.asMerchant().get("/v1/orders/" + id).then().extract().jsonPath();
            int cancel = answers.get(1);
            assertTrue(cancel == 200 || cancel == 409, "the cancel is answered, not failed: " + cancel);
            if (cancel == 200) {
                assertEquals("CANCELLED", order.getString("status"), order.prettify());
                assertEquals("cancelled", order.getString("payment.status"), order.prettify());
            } else {
                assertEquals("PAID", order.getString("status"), order.prettify());
                assertEquals("confirmed", order.getString("payment.status"), order.prettify());
            }
        }
    }
}
