package dev.confirma.chain.watch;

import static dev.confirma.support.Fixtures.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestChains;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the watcher reads a chain: few requests whatever the number of blocks or open orders,
 * smaller log ranges while the node refuses wide ones, and the node's finalized block.
 */
@QuarkusTest
class ChainReadingTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    private String wallet;
    private TestStore store;

    @BeforeEach
    void caughtUp() {
        AnvilNodes.CELO_PROXY.restore();
        RateStub.resetAll();
        rates.refresh();
        watcher.poll(TestChains.CELO);
        watcher.poll(TestChains.ETHEREUM);
        wallet = Fixtures.randomAddress();
        store = Fixtures.createStore(Map.of("name", "Read", "wallets", List.of(
                Map.of("protocol", "CELO", "address", wallet), Map.of("protocol", "ETHEREUM", "address", wallet))));
    }

    @AfterEach
    void restoreProxy() {
        AnvilNodes.CELO_PROXY.restore();
    }

    private static int requestsForAPollOver(int blocks, Runnable poll) {
        AnvilNodes.CELO.mine(blocks);
        int before = AnvilNodes.CELO_PROXY.requests();
        poll.run();
        return AnvilNodes.CELO_PROXY.requests() - before;
    }

    @Test
    void shouldReadFortyBlocksInAHandfulOfRequestsWhateverTheNumberOfOpenOrders() {
        int withoutOrders = requestsForAPollOver(40, () -> watcher.poll(TestChains.CELO));
        for (int i = 0; i < 20; i++) {
            Fixtures.createOrder(store);
        }
        int withTwentyOrders = requestsForAPollOver(40, () -> watcher.poll(TestChains.CELO));

        // the head and the finalized block, then per run of logRange blocks (100 unless a node refused wider runs):
        // one batch of blocks, one log range for the deep blocks, one batch of logs by hash for the newest
        int logRange = asOperator().get("/admin/chains").then().extract().path("chains.find { it.chain == 'CELO' }.logRange");
        int runs = (40 + logRange - 1) / logRange;
        assertTrue(withoutOrders <= 2 + 3 * runs, "requests for 40 blocks in runs of " + logRange + ": " + withoutOrders);
        assertTrue(withoutOrders < 40);
        assertEquals(withoutOrders, withTwentyOrders);
    }

    @Test
    void shouldHalveTheLogRangeWhileTheNodeRefusesItAndMissNothing() {
        AnvilNodes.CELO_PROXY.refuseLogRangesOver(7);
        String hash = AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(4_200_000));
        AnvilNodes.CELO.mine(60);
        watcher.poll(TestChains.CELO);

        List<ChainTransfer> seen = QuarkusTransaction.requiringNew().call(() -> ChainTransfer.<ChainTransfer>list("toAddress", wallet));
        assertEquals(1, seen.size());
        assertEquals(hash, seen.get(0).txHash);
        asOperator().get("/admin/chains").then()
                .body("chains.find { it.chain == 'CELO' }.logRange", lessThanOrEqualTo(7))
                .body("chains.find { it.chain == 'CELO' }.lag", equalTo(0))
                .body("chains.find { it.chain == 'CELO' }.lastError", equalTo(null));
    }

    @Test
    void shouldKnowTheNodesFinalizedBlockOnceItHasReadIt() {
        AnvilNodes.ETHEREUM.mine(10);
        watcher.poll(TestChains.ETHEREUM);
        long head = AnvilNodes.ETHEREUM.blockNumber();
        // anvil with epochs of 2 slots finalizes 4 blocks behind the head
        asOperator().get("/admin/chains").then()
                .body("chains.find { it.chain == 'ETHEREUM' }.finalized", equalTo((int) (head - 4)));
    }
}
