package dev.confirma.chain.watch;

import dev.confirma.chain.ChainRpc;
import dev.confirma.chain.ChainUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Finds the transfers in one block that go to watched addresses: native value in its
 * transactions (with the receipt's success flag), and ERC-20 {@code Transfer} logs of the
 * accepted tokens, fetched with one {@code eth_getLogs} by block hash, filtered by recipient.
 */
final class TransferScanner {

    /** keccak256("Transfer(address,address,uint256)"). */
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private TransferScanner() {
    }

    static List<BlockCursor.ObservedTransfer> scan(ChainRpc rpc, EthBlock.Block block, Watchlist watch) {
        List<BlockCursor.ObservedTransfer> found = new ArrayList<>();
        if (watch.isEmpty()) {
            return found;
        }
        watch.nativeAsset().ifPresent(asset -> nativeTransfers(rpc, block, watch, asset, found));
        if (!watch.tokenSymbolByContract().isEmpty()) {
            tokenTransfers(rpc, block, watch, found);
        }
        return found;
    }

    private static void nativeTransfers(ChainRpc rpc, EthBlock.Block block, Watchlist watch, String asset,
                                        List<BlockCursor.ObservedTransfer> found) {
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            if (!(result instanceof EthBlock.TransactionObject tx) || tx.getTo() == null || tx.getValue().signum() <= 0
                    || !watch.addresses().contains(tx.getTo().toLowerCase(Locale.ROOT))) {
                continue;
            }
            TransactionReceipt receipt = rpc.send("eth_getTransactionReceipt " + tx.getHash(),
                    node -> node.ethGetTransactionReceipt(tx.getHash())).getTransactionReceipt()
                    .orElseThrow(() -> new ChainUnavailableException("no receipt yet for " + tx.getHash()));
            if (!block.getHash().equals(receipt.getBlockHash())) {
                throw new ChainUnavailableException("the receipt of " + tx.getHash() + " is from another block than " + block.getHash());
            }
            found.add(new BlockCursor.ObservedTransfer(tx.getHash(), ChainTransfer.NATIVE, asset,
                    Keys.toChecksumAddress(tx.getFrom()), Keys.toChecksumAddress(tx.getTo()), tx.getValue(), receipt.isStatusOK()));
        }
    }

    private static void tokenTransfers(ChainRpc rpc, EthBlock.Block block, Watchlist watch,
                                       List<BlockCursor.ObservedTransfer> found) {
        // by block hash (EIP-234): a node that does not have this very block answers an error, not an empty list
        EthFilter filter = new EthFilter(block.getHash());
        filter.addSingleTopic(TRANSFER_TOPIC);
        filter.addNullTopic();
        filter.addOptionalTopics(watch.addresses().stream().map(a -> Numeric.toHexStringWithPrefixZeroPadded(
                Numeric.toBigInt(a), 64)).toArray(String[]::new));
        EthLog logs = rpc.send("eth_getLogs " + block.getNumber(), node -> node.ethGetLogs(filter));
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            Log log = (Log) result.get();
            if (!block.getHash().equals(log.getBlockHash())) {
                // the block was replaced between our two reads: read it again on the next poll
                throw new ChainUnavailableException("block " + block.getNumber() + " changed while it was being read");
            }
            String symbol = watch.tokenSymbolByContract().get(log.getAddress().toLowerCase(Locale.ROOT)); // null: not an accepted token
            List<String> topics = log.getTopics();
            if (symbol == null || log.isRemoved() || topics.size() != 3) {
                continue;
            }
            found.add(new BlockCursor.ObservedTransfer(log.getTransactionHash(), log.getLogIndex().intValueExact(), symbol,
                    address(topics.get(1)), address(topics.get(2)), Numeric.toBigInt(log.getData()),
                    true)); // a log exists only in a successful transaction
        }
    }

    private static String address(String topic) {
        return Keys.toChecksumAddress("0x" + topic.substring(topic.length() - 40));
    }
}
