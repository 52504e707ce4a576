package dev.confirma.chain.watch;

import dev.confirma.chain.ChainRpc;
import dev.confirma.chain.ChainUnavailableException;
import dev.confirma.chain.RpcRefusedException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads one chain in few requests: blocks and receipts in JSON-RPC batches, logs over block
 * ranges. A range or batch the node refuses is halved, down to one item; the size grows back
 * slowly while nothing is refused. One watcher poll at a time uses it.
 */
final class ChainReader {

    private static final Logger LOG = Logger.getLogger(ChainReader.class);

    private final ChainRpc rpc;
    private final int maxLogRange;
    private final int maxBatch;
    private volatile int logRange;
    private volatile int batch;
    static final int POLLS_BEFORE_GROWING = 100;
    private int pollsWithoutRefusal;
    /** Null until asked; false once the node has said it has no finalized tag. */
    private Boolean offersFinalized;

    ChainReader(ChainRpc rpc, int maxLogRange, int maxBatch) {
        this.rpc = rpc;
        this.maxLogRange = maxLogRange;
        this.maxBatch = maxBatch;
        this.logRange = maxLogRange;
        this.batch = maxBatch;
    }

    ChainRpc rpc() {
        return rpc;
    }

    /** Blocks per {@code eth_getLogs} range now (the configured cap, or less after refusals). */
    int logRange() {
        return logRange;
    }

    /**
     * Called after each poll: after {@link #POLLS_BEFORE_GROWING} polls in a row without a refusal,
     * sizes double back towards their caps (a node's limits may have been raised, or its refusal
     * was a passing overload), so a limit costs one refused request per that many polls at most.
     */
    void pollDone() {
        if (++pollsWithoutRefusal >= POLLS_BEFORE_GROWING) {
            pollsWithoutRefusal = 0;
            logRange = Math.min(maxLogRange, logRange * 2);
            batch = Math.min(maxBatch, batch * 2);
        }
    }

    long head() {
        return rpc.send("eth_blockNumber", node -> node.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    EthBlock.Block block(long number, boolean withTransactions) {
        return present(number, rpc.send("eth_getBlockByNumber " + number, node ->
                node.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), withTransactions)).getBlock());
    }

    /** Blocks {@code from..to} in order, fetched in batches. */
    List<EthBlock.Block> blocks(long from, long to, boolean withTransactions) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        List<EthBlock> answers = batched("eth_getBlockByNumber", numbers, (node, n) ->
                node.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), withTransactions));
        List<EthBlock.Block> blocks = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            blocks.add(present(numbers.get(i), answers.get(i).getBlock()));
        }
        return blocks;
    }

    /** The node's finalized block header, or empty when the node has no such tag. */
    Optional<EthBlock.Block> finalized() {
        if (Boolean.FALSE.equals(offersFinalized)) {
            return Optional.empty();
        }
        try {
            EthBlock.Block block = rpc.send("eth_getBlockByNumber finalized",
                    node -> node.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false)).getBlock();
            offersFinalized = block != null;
            return Optional.ofNullable(block);
        } catch (RpcRefusedException noSuchTag) {
            LOG.infof("%s node has no finalized block tag (%s): payments count by confirmation depth alone",
                    rpc.protocol(), noSuchTag.getMessage());
            offersFinalized = false;
            return Optional.empty();
        }
    }

    /** Logs of blocks {@code from..to} matching the filter, over ranges of at most {@link #logRange()} blocks. */
    List<Log> logs(long from, long to, java.util.function.BiFunction<Long, Long, EthFilter> filter) {
        List<Log> logs = new ArrayList<>();
        long start = from;
        while (start <= to) {
            long end = Math.min(to, start + logRange - 1);
            EthFilter range = filter.apply(start, end);
            try {
                logs.addAll(logsOf(rpc.send("eth_getLogs " + start + ".." + end, node -> node.ethGetLogs(range))));
                start = end + 1;
            } catch (RpcRefusedException refused) {
                if (end == start) {
                    throw refused;
                }
                logRange = (int) Math.max(1, (end - start + 1) / 2);
                pollsWithoutRefusal = 0;
                LOG.warnf("%s node refused eth_getLogs over %d blocks; asking for %d at a time (%s)", rpc.protocol(),
                        end - start + 1, logRange, refused.getMessage());
            }
        }
        return logs;
    }

    /** Logs of each block named by hash (EIP-234: a node without that very block answers an error). */
    List<List<Log>> logsByBlockHash(List<String> blockHashes, java.util.function.Function<String, EthFilter> filter) {
        return batched("eth_getLogs", blockHashes, (node, hash) -> node.ethGetLogs(filter.apply(hash))).stream()
                .map(ChainReader::logsOf)
                .toList();
    }

    List<TransactionReceipt> receipts(List<String> transactionHashes) {
        List<EthGetTransactionReceipt> answers = batched("eth_getTransactionReceipt", transactionHashes,
                (node, hash) -> node.ethGetTransactionReceipt(hash));
        List<TransactionReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String hash = transactionHashes.get(i);
            receipts.add(answers.get(i).getTransactionReceipt()
                    .orElseThrow(() -> new ChainUnavailableException("no receipt yet for " + hash)));
        }
        return receipts;
    }

    /** The requests in batches of at most {@code batch}, halving it when the node refuses one. */
    private <K, T extends org.web3j.protocol.core.Response<?>> List<T> batched(
            String what, List<K> keys, BiFunction<org.web3j.protocol.Web3j, K, org.web3j.protocol.core.Request<?, T>> request) {
        List<T> answers = new ArrayList<>();
        int start = 0;
        while (start < keys.size()) {
            int end = Math.min(keys.size(), start + batch);
            List<ChainRpc.Call<T>> calls = keys.subList(start, end).stream()
                    .<ChainRpc.Call<T>>map(key -> node -> request.apply(node, key))
                    .toList();
            try {
                answers.addAll(rpc.batch(what + " ×" + calls.size(), calls));
                start = end;
            } catch (RpcRefusedException refused) {
                if (calls.size() == 1) {
                    throw refused;
                }
                batch = Math.max(1, calls.size() / 2);
                pollsWithoutRefusal = 0;
                LOG.warnf("%s node refused a batch of %d %s; sending %d at a time (%s)", rpc.protocol(), calls.size(), what,
                        batch, refused.getMessage());
            }
        }
        return answers;
    }

    private static List<Log> logsOf(EthLog answer) {
        return answer.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    private static EthBlock.Block present(long number, EthBlock.Block block) {
        if (block == null) {
            throw new ChainUnavailableException("block " + number + " is not available yet");
        }
        return block;
    }
}
