package dev.confirma.chain.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.support.Fixtures;
import dev.confirma.support.TestChains;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BlockCursorTest {

    @Inject
    BlockCursor cursor;

    @Inject
    ChainWatcher watcher;

    @Test
    void shouldReviveTransfersWhenTheChainFlipsBackToTheirBlock() {
        // one block above the Ethereum watcher's real cursor, taken back at the end: its real state is untouched
        watcher.poll(TestChains.ETHEREUM);
        long number = cursor.tip(TestChains.ETHEREUM).orElseThrow().number() + 1;
        String hash = Fixtures.randomTxHash();
        String tx = Fixtures.randomTxHash();
        String to = Fixtures.randomAddress();
        BlockCursor.SeenBlock blockA = new BlockCursor.SeenBlock(number, hash, Fixtures.randomTxHash(), Instant.now());
        BlockCursor.ObservedTransfer transfer = new BlockCursor.ObservedTransfer(tx, 0, "cUSD", Fixtures.randomAddress(), to,
                BigInteger.TEN, true);

        cursor.advance(TestChains.ETHEREUM, blockA, List.of(transfer));
        cursor.rewindTo(TestChains.ETHEREUM, number - 1);            // A → B: A's transfer is removed
        assertTrue(transfers(to).get(0).removed);
        cursor.advance(TestChains.ETHEREUM, blockA, List.of(transfer)); // B → A: the same block comes back

        List<ChainTransfer> seen = transfers(to);
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).removed);
        cursor.rewindTo(TestChains.ETHEREUM, number - 1);
    }

    private static List<ChainTransfer> transfers(String to) {
        return QuarkusTransaction.requiringNew().call(() -> ChainTransfer.<ChainTransfer>list("toAddress", to));
    }
}
