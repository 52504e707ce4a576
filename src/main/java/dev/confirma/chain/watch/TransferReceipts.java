package dev.confirma.chain.watch;

import dev.confirma.chain.ChainRpc;
import dev.confirma.chain.ChainUnavailableException;
import dev.confirma.chain.Protocol;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * What one transaction moved, read by its hash from the chain's node: its receipt's success
 * flag and depth, the native value sent and every ERC-20 {@code Transfer} log. Facts only; which
 * of them count for what is the caller's business.
 */
@Singleton
public class TransferReceipts {

    private final ChainWatcher watcher;

    TransferReceipts(ChainWatcher watcher) {
        this.watcher = watcher;
    }

    /**
     * The mined transaction {@code hash} on {@code protocol}, or empty while it is not mined (or
     * the node does not know it). Throws {@link ChainUnavailableException} when no node answers.
     */
    public Optional<TransferReceipt> find(Protocol protocol, String hash) {
        ChainRpc rpc = watcher.rpc(protocol);
        Optional<TransactionReceipt> receipt = rpc.send("eth_getTransactionReceipt " + hash,
                node -> node.ethGetTransactionReceipt(hash)).getTransactionReceipt();
        if (receipt.isEmpty() || receipt.get().getBlockNumberRaw() == null) {
            return Optional.empty();
        }
        Transaction tx = rpc.send("eth_getTransactionByHash " + hash, node -> node.ethGetTransactionByHash(hash))
                .getTransaction()
                .orElseThrow(() -> new ChainUnavailableException("a receipt but no transaction for " + hash));
        long head = rpc.send("eth_blockNumber", node -> node.ethBlockNumber()).getBlockNumber().longValueExact();
        long block = receipt.get().getBlockNumber().longValueExact();
        List<TokenTransfer> transfers = new ArrayList<>();
        for (Log log : receipt.get().getLogs()) {
            tokenTransfer(log).ifPresent(transfers::add);
        }
        return Optional.of(new TransferReceipt(hash.toLowerCase(Locale.ROOT), receipt.get().isStatusOK(), block,
                Math.max(0, head - block + 1), Optional.ofNullable(tx.getTo()).map(Keys::toChecksumAddress),
                tx.getValue() == null ? BigInteger.ZERO : tx.getValue(), List.copyOf(transfers)));
    }

    /** An ERC-20 Transfer log (from and to indexed, value in the data); other logs, and NFTs' (value indexed), are not. */
    private static Optional<TokenTransfer> tokenTransfer(Log log) {
        List<String> topics = log.getTopics();
        if (log.isRemoved() || topics == null || topics.size() != 3 || !TransferScanner.TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        String data = Numeric.cleanHexPrefix(log.getData() == null ? "" : log.getData());
        if (data.length() != 64) {
            return Optional.empty();
        }
        return Optional.of(new TokenTransfer(Keys.toChecksumAddress(log.getAddress()), topicAddress(topics.get(1)),
                topicAddress(topics.get(2)), new BigInteger(data, 16)));
    }

    private static String topicAddress(String topic) {
        String hex = Numeric.cleanHexPrefix(topic);
        return Keys.toChecksumAddress(hex.substring(hex.length() - 40));
    }

    /** One mined transaction's movements; {@code confirmations} counts its own block (head − block + 1). */
    public record TransferReceipt(String hash, boolean succeeded, long blockNumber, long confirmations, Optional<String> to,
                                  BigInteger value, List<TokenTransfer> tokenTransfers) {
    }

    /** One ERC-20 {@code Transfer} log: the token contract, sender, recipient and value in base units (EIP-55 addresses). */
    public record TokenTransfer(String contract, String from, String to, BigInteger value) {
    }
}
