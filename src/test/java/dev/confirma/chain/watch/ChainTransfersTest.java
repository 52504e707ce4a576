package dev.confirma.chain.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.Fixtures;
import dev.confirma.support.TestChains;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher records every transfer to a store wallet, as a fact, from real transactions on local nodes. */
@QuarkusTest
class ChainTransfersTest {

    private static final BigInteger ONE_AND_A_HALF_CELO = new BigInteger("1500000000000000000");

    @Inject
    ChainWatcher watcher;

    private String wallet;

    @BeforeEach
    void storeWithFreshWallet() {
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        watcher.poll(TestChains.ETHEREUM);
        wallet = Fixtures.randomAddress();
        Fixtures.createStore(Map.of("name", "Watched", "wallets", List.of(
                Map.of("protocol", "CELO", "address", wallet), Map.of("protocol", "ETHEREUM", "address", wallet))));
    }


    private static List<ChainTransfer> transfersTo(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ChainTransfer.<ChainTransfer>list("toAddress = ?1 order by blockNumber, logIndex", address));
    }

    @Test
    void shouldRecordANativePaymentToAStoreWallet() {
        String hash = AnvilNodes.CELO.pay(wallet, ONE_AND_A_HALF_CELO);
        watcher.poll(TestChains.CELO);

        List<ChainTransfer> seen = transfersTo(wallet);
        assertEquals(1, seen.size());
        ChainTransfer transfer = seen.get(0);
        assertEquals("CELO", transfer.chain);
        assertEquals(hash, transfer.txHash);
        assertEquals(ChainTransfer.NATIVE, transfer.logIndex);
        assertEquals("CELO", transfer.asset);
        assertEquals(AnvilNodes.PAYER, transfer.fromAddress);
        assertEquals(ONE_AND_A_HALF_CELO, transfer.amountBaseUnits);
        assertEquals(Long.decode(AnvilNodes.CELO.receipt(hash).get("blockNumber").asText()), transfer.blockNumber);
        assertTrue(transfer.succeeded);
        assertFalse(transfer.removed);
    }

    @Test
    void shouldRecordTokenTransfersOf6And18DecimalTokensOnBothChains() {
        AnvilNodes.CELO.payToken("cUSD", wallet, new BigInteger("12500000000000000000"));
        AnvilNodes.CELO.payToken("USDC", wallet, BigInteger.valueOf(12_500_000));
        AnvilNodes.ETHEREUM.payToken("USDT", wallet, BigInteger.ONE);
        watcher.poll(TestChains.CELO);
        watcher.poll(TestChains.ETHEREUM);

        List<ChainTransfer> seen = transfersTo(wallet);
        assertEquals(List.of("CELO:USDC:12500000", "CELO:cUSD:12500000000000000000", "ETHEREUM:USDT:1"),
                seen.stream().map(t -> t.chain + ":" + t.asset + ":" + t.amountBaseUnits).sorted().toList());
        assertTrue(seen.stream().allMatch(t -> t.logIndex >= 0 && t.succeeded && t.fromAddress.equals(AnvilNodes.PAYER)));
    }

    @Test
    void shouldRecordCeloSentThroughItsTokenInterfaceAsCeloOnce() {
        String sentNatively = AnvilNodes.CELO.pay(wallet, ONE_AND_A_HALF_CELO);
        String sentAsToken = AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, ONE_AND_A_HALF_CELO);
        AnvilNodes.CELO.mine(10); // deep now: their logs are read by block range, the last one's by block hash
        String deepAsToken = AnvilNodes.CELO.payThroughNativeTokenInterface(wallet, BigInteger.ONE);
        watcher.poll(TestChains.CELO);

        List<ChainTransfer> seen = transfersTo(wallet);
        assertEquals(List.of(sentNatively + ":native", sentAsToken + ":log", deepAsToken + ":log"),
                seen.stream().map(t -> t.txHash + ":" + (t.logIndex == ChainTransfer.NATIVE ? "native" : "log")).toList(),
                "each transfer once: the native send has no log, the token call carries no value");
        assertTrue(seen.stream().allMatch(t -> t.asset.equals("CELO") && t.succeeded && t.fromAddress.equals(AnvilNodes.PAYER)));
        assertEquals(List.of(ONE_AND_A_HALF_CELO, ONE_AND_A_HALF_CELO, BigInteger.ONE), seen.stream().map(t -> t.amountBaseUnits).toList());
    }

    @Test
    void shouldIgnorePaymentsToAddressesNoStoreUses() {
        String stranger = Fixtures.randomAddress();
        AnvilNodes.CELO.pay(stranger, ONE_AND_A_HALF_CELO);
        AnvilNodes.CELO.payToken("cUSD", stranger, BigInteger.TEN);
        watcher.poll(TestChains.CELO);
        assertEquals(List.of(), transfersTo(stranger));
    }

    @Test
    void shouldRecordARevertedNativePaymentAsNotSucceeded() {
        // a store wallet that is a contract refusing plain value: the transaction is mined and reverts
        String contractWallet = AnvilNodes.CELO.token("USDC");
        Fixtures.createStore(Map.of("name", "Contract wallet", "wallets", List.of(Map.of("protocol", "CELO", "address", contractWallet))));
        String hash = AnvilNodes.CELO.send(Map.of("from", AnvilNodes.PAYER, "to", contractWallet, "value", "0x1", "gas", "0x186a0"));
        watcher.poll(TestChains.CELO);

        ChainTransfer reverted = transfersTo(contractWallet).stream().filter(t -> t.txHash.equals(hash)).findFirst().orElseThrow();
        assertFalse(reverted.succeeded);
    }

    @Test
    void shouldNotRecordATokenTransferWhoseTransactionReverted() {
        AnvilNodes.CELO.send(Map.of("from", AnvilNodes.PAYER, "to", AnvilNodes.CELO.token("cUSD"), "gas", "0x186a0", "data",
                org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("transferThenRevert",
                        List.of(new org.web3j.abi.datatypes.Address(wallet), new org.web3j.abi.datatypes.generated.Uint256(5)),
                        List.of()))));
        watcher.poll(TestChains.CELO);
        assertEquals(List.of(), transfersTo(wallet));
    }

    @Test
    void shouldMarkATransferRemovedWhenItsBlockLeavesTheChain() {
        String snapshot = AnvilNodes.CELO.snapshot();
        AnvilNodes.CELO.pay(wallet, ONE_AND_A_HALF_CELO);
        watcher.poll(TestChains.CELO);
        assertFalse(transfersTo(wallet).get(0).removed);

        AnvilNodes.CELO.revert(snapshot);
        AnvilNodes.CELO.mineAnotherBranch(3);
        watcher.poll(TestChains.CELO);

        List<ChainTransfer> seen = transfersTo(wallet);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).removed, "the payment's block was replaced: it is no longer on the chain");
    }
}
