package dev.confirma.chain.watch;

import static dev.confirma.support.Fixtures.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.ChainIdentity;
import dev.confirma.chain.ChainRpc;
import dev.confirma.chain.Protocol;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.TestChains;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher against real local nodes: time moves by mining blocks, never by sleeping. */
@QuarkusTest
class ChainWatcherTest {

    @Inject
    ChainWatcher watcher;

    @Inject
    BlockCursor cursor;

    @BeforeEach
    @AfterEach
    void caughtUp() {
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
    }

    private static ChainStatus celo(ChainWatcher watcher) {
        return watcher.statuses().stream().filter(s -> s.chain().equals("CELO")).findFirst().orElseThrow();
    }

    /** Every stored block of the last {@code depth} is the node's block at that height. */
    private void assertCursorFollowsNode(int depth) {
        long tip = cursor.tip(TestChains.CELO).orElseThrow().number();
        assertEquals(AnvilNodes.CELO.blockNumber(), tip);
        for (long n = tip; n > tip - depth; n--) {
            assertEquals(AnvilNodes.CELO.blockHash(n), cursor.at(TestChains.CELO, n).orElseThrow().hash(), "block " + n);
        }
    }

    @Test
    void shouldWalkEveryNewBlockUpToTheHead() {
        AnvilNodes.CELO.mine(5);
        watcher.poll(TestChains.CELO);

        assertCursorFollowsNode(5);
        ChainStatus status = celo(watcher);
        assertEquals(0L, status.lag());
        assertEquals(status.head(), status.cursor());
        assertTrue(status.watching());
        assertEquals(null, status.lastError(), "the dead first endpoint is failed over silently");
    }

    @Test
    void shouldRewindToTheCommonAncestorWhenAReorgReplacesBlocks() {
        String snapshot = AnvilNodes.CELO.snapshot();
        long ancestor = AnvilNodes.CELO.blockNumber();
        AnvilNodes.CELO.mine(3);
        watcher.poll(TestChains.CELO);
        String replacedHash = cursor.at(TestChains.CELO, ancestor + 1).orElseThrow().hash();
        long reorgsBefore = celo(watcher).reorgs();

        AnvilNodes.CELO.revert(snapshot);
        // another branch: later timestamps make different blocks at the same heights, one block longer
        AnvilNodes.CELO.mineAnotherBranch(4);
        watcher.poll(TestChains.CELO);

        assertEquals(reorgsBefore + 1, celo(watcher).reorgs());
        assertCursorFollowsNode(4);
        assertTrue(!replacedHash.equals(cursor.at(TestChains.CELO, ancestor + 1).orElseThrow().hash()));
    }

    @Test
    void shouldWaitThroughAnOutageAndBackfillEveryMissedBlock() {
        long before = cursor.tip(TestChains.CELO).orElseThrow().number();
        AnvilNodes.CELO_PROXY.cut();
        AnvilNodes.CELO.mine(7);
        watcher.poll(TestChains.CELO);

        ChainStatus waiting = celo(watcher);
        assertEquals(before, waiting.cursor(), "no block is read, nothing is decided, while the node is away");
        assertTrue(waiting.lastError().contains("failed on every endpoint"), waiting.lastError());

        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        assertCursorFollowsNode(8);
        assertEquals(null, celo(watcher).lastError());
    }

    @Test
    void shouldWaitWhileTheNodeProcessIsStoppedAndBackfillOnceItRestarts() {
        long before = cursor.tip(TestChains.CELO).orElseThrow().number();
        AnvilNodes.CELO.mine(3);
        AnvilNodes.CELO.stopForAWhile();
        try {
            watcher.poll(TestChains.CELO);
            ChainStatus waiting = celo(watcher);
            assertEquals(before, waiting.cursor());
            assertTrue(waiting.lastError().contains("failed on every endpoint"), waiting.lastError());
        } finally {
            AnvilNodes.CELO.startAgain();
        }
        AnvilNodes.CELO.mine(4);
        watcher.poll(TestChains.CELO);
        assertCursorFollowsNode(8);
        assertEquals(null, celo(watcher).lastError());
    }

    @Test
    void shouldRefuseANodeServingAnotherChain() {
        ChainRpc ethereumNodeAsCelo = new ChainRpc(TestChains.CELO, List.of(AnvilNodes.ETHEREUM.url()), Duration.ofSeconds(2));
        try {
            assertEquals("the node's chain id is 1, expected 42220 (confirma.chains.celo.chain-id): not watching it",
                    ChainIdentity.mismatch(ethereumNodeAsCelo, 42220).orElseThrow());
            assertTrue(ChainIdentity.mismatch(ethereumNodeAsCelo, 1).isEmpty());
        } finally {
            ethereumNodeAsCelo.shutdown();
        }
    }

    @Test
    void shouldShowHeadCursorAndLagToTheOperator() {
        AnvilNodes.ETHEREUM.mine(2);
        watcher.poll(TestChains.ETHEREUM);
        AnvilNodes.ETHEREUM.mine(3);
        // the watcher has not polled since: the head it knows is behind, so is its cursor
        asOperator().get("/admin/chains").then().statusCode(200)
                .body("chains.find { it.chain == 'ETHEREUM' }.watching", equalTo(true))
                .body("chains.find { it.chain == 'ETHEREUM' }.cursor", notNullValue())
                .body("chains.find { it.chain == 'ETHEREUM' }.lag", equalTo(0))
                .body("chains.find { it.chain == 'ETHEREUM' }.lastError", nullValue());
        watcher.poll(TestChains.ETHEREUM);
        asOperator().get("/admin/chains").then()
                .body("chains.find { it.chain == 'ETHEREUM' }.cursor", equalTo((int) AnvilNodes.ETHEREUM.blockNumber()));
        io.restassured.RestAssured.given().get("/admin/chains").then().statusCode(401);
    }
}
