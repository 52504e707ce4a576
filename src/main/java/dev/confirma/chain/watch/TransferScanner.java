package dev.confirma.chain.watch;

import dev.confirma.chain.ChainUnavailableException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Finds the transfers to watched addresses in a run of consecutive blocks: native value in
 * their transactions (with each receipt's success flag, receipts fetched in one batch), and
 * ERC-20 {@code Transfer} logs of the accepted tokens filtered by recipient. A log of a native
 * coin's own token interface (CELO at 0x471E…a438) is that coin: on Celo a plain value transfer
 * emits no log and a call to the token's {@code transfer} carries no value, so each movement of
 * CELO is seen exactly once, by one of the two reads. Logs of blocks
 * already as deep as the confirmation depth are read with {@code eth_getLogs} over block
 * ranges; logs of the newest blocks by block hash, in one batch, so a node behind a load
 * balancer that has not seen a block yet answers an error instead of an empty list.
 */
final class TransferScanner {

    /** keccak256("Transfer(address,address,uint256)"). */
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    /**
     * Above this many watched addresses the recipient topic filter would be too long for many
     * nodes: logs are then asked by token contract only and filtered here.
     */
    static final int MAX_RECIPIENT_TOPICS = 1000;

    private TransferScanner() {
    }

    /**
     * Transfers per block number. Blocks up to {@code rangeUpTo} have their logs read by range.
     * Throws {@link ChainUnavailableException} when the chain changed under the read (a log or
     * receipt from another block than the one read): the next poll reads again.
     */
    static Map<Long, List<BlockCursor.ObservedTransfer>> scan(ChainReader reader, List<EthBlock.Block> blocks, Watchlist watch,
                                                             long rangeUpTo) {
        Map<Long, List<BlockCursor.ObservedTransfer>> found = new HashMap<>();
        if (watch.isEmpty() || blocks.isEmpty()) {
            return found;
        }
        watch.nativeAsset().ifPresent(asset -> nativeTransfers(reader, blocks, watch, asset, found));
        if (!watch.tokenSymbolByContract().isEmpty()) {
            tokenTransfers(reader, blocks, watch, rangeUpTo, found);
        }
        return found;
    }

    private static void nativeTransfers(ChainReader reader, List<EthBlock.Block> blocks, Watchlist watch, String asset,
                                        Map<Long, List<BlockCursor.ObservedTransfer>> found) {
        List<EthBlock.TransactionObject> matches = new ArrayList<>();
        Map<String, EthBlock.Block> blockOf = new HashMap<>();
        for (EthBlock.Block block : blocks) {
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                if (result instanceof EthBlock.TransactionObject tx && tx.getTo() != null && tx.getValue().signum() > 0
                        && watch.addresses().contains(tx.getTo().toLowerCase(Locale.ROOT))) {
                    matches.add(tx);
                    blockOf.put(tx.getHash(), block);
                }
            }
        }
        List<TransactionReceipt> receipts = reader.receipts(matches.stream().map(EthBlock.TransactionObject::getHash).toList());
        for (int i = 0; i < matches.size(); i++) {
            EthBlock.TransactionObject tx = matches.get(i);
            EthBlock.Block block = blockOf.get(tx.getHash());
            if (!block.getHash().equals(receipts.get(i).getBlockHash())) {
                throw new ChainUnavailableException("the receipt of " + tx.getHash() + " is from another block than " + block.getHash());
            }
            add(found, block, new BlockCursor.ObservedTransfer(tx.getHash(), ChainTransfer.NATIVE, asset,
                    Keys.toChecksumAddress(tx.getFrom()), Keys.toChecksumAddress(tx.getTo()), tx.getValue(), receipts.get(i).isStatusOK()));
        }
    }

    private static void tokenTransfers(ChainReader reader, List<EthBlock.Block> blocks, Watchlist watch, long rangeUpTo,
                                       Map<Long, List<BlockCursor.ObservedTransfer>> found) {
        Map<String, EthBlock.Block> byHash = new HashMap<>();
        blocks.forEach(block -> byHash.put(block.getHash(), block));
        List<EthBlock.Block> deep = blocks.stream().filter(b -> b.getNumber().longValueExact() <= rangeUpTo).toList();
        List<EthBlock.Block> recent = blocks.stream().filter(b -> b.getNumber().longValueExact() > rangeUpTo).toList();
        List<Log> logs = new ArrayList<>();
        if (!deep.isEmpty()) {
            List<String> contracts = List.copyOf(watch.tokenSymbolByContract().keySet());
            logs.addAll(reader.logs(deep.get(0).getNumber().longValueExact(), deep.get(deep.size() - 1).getNumber().longValueExact(),
                    (from, to) -> withTopics(new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), contracts), watch)));
        }
        reader.logsByBlockHash(recent.stream().map(EthBlock.Block::getHash).toList(), hash -> withTopics(new EthFilter(hash), watch))
                .forEach(logs::addAll);
        for (Log log : logs) {
            EthBlock.Block block = byHash.get(log.getBlockHash());
            if (block == null) {
                // the node's chain moved between our reads: read it again on the next poll
                throw new ChainUnavailableException("block " + log.getBlockNumber() + " changed while it was being read");
            }
            String symbol = watch.tokenSymbolByContract().get(log.getAddress().toLowerCase(Locale.ROOT)); // null: not an accepted token
            List<String> topics = log.getTopics();
            if (symbol == null || log.isRemoved() || topics.size() != 3 || !TRANSFER_TOPIC.equals(topics.get(0))
                    || !watch.addresses().contains(address(topics.get(2)).toLowerCase(Locale.ROOT))) {
                continue;
            }
            add(found, block, new BlockCursor.ObservedTransfer(log.getTransactionHash(), log.getLogIndex().intValueExact(), symbol,
                    address(topics.get(1)), address(topics.get(2)), Numeric.toBigInt(log.getData()),
                    true)); // a log exists only in a successful transaction
        }
    }

    /** Transfer events, to the watched recipients when there are few enough to name. */
    private static EthFilter withTopics(EthFilter filter, Watchlist watch) {
        filter.addSingleTopic(TRANSFER_TOPIC);
        filter.addNullTopic();
        if (watch.addresses().size() <= MAX_RECIPIENT_TOPICS) {
            filter.addOptionalTopics(watch.addresses().stream().map(a -> Numeric.toHexStringWithPrefixZeroPadded(
                    Numeric.toBigInt(a), 64)).toArray(String[]::new));
        }
        return filter;
    }

    private static void add(Map<Long, List<BlockCursor.ObservedTransfer>> found, EthBlock.Block block,
                            BlockCursor.ObservedTransfer transfer) {
        found.computeIfAbsent(block.getNumber().longValueExact(), n -> new ArrayList<>()).add(transfer);
    }

    private static String address(String topic) {
        return Keys.toChecksumAddress("0x" + topic.substring(topic.length() - 40));
    }
}
