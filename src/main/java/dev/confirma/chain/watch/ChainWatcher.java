package dev.confirma.chain.watch;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Chain;
import dev.confirma.chain.ChainIdentity;
import dev.confirma.chain.Chains;
import dev.confirma.chain.ChainRpc;
import dev.confirma.chain.ChainUnavailableException;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.RpcMetrics;
import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.cluster.LeaseLostException;
import dev.confirma.cluster.Leases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Follows each enabled chain block by block from a persisted cursor: checks the node's
 * chain id first, walks every new block once, and on a parent-hash mismatch rewinds to
 * the common ancestor. An RPC outage only delays it; it backfills every block it missed.
 * RPC calls per block do not depend on how many orders are open.
 */
@Singleton
public class ChainWatcher {

    private static final Logger LOG = Logger.getLogger(ChainWatcher.class);
    /** Blocks walked in one poll at most, so one poll after a long outage stays short. */
    static final int MAX_BLOCKS_PER_POLL = 500;

    private final BlockCursor cursor;
    private final Event<BlocksRead> blocksRead;
    private final Instance<PaymentAddresses> paymentAddresses;
    private final AssetCatalog catalog;
    private final ChainFinality finality;
    private final Clock clock;
    private final Leases leases;
    private final Map<Protocol, Watched> chains = new TreeMap<>();

    ChainWatcher(Chains configured, ChainsConfig config, BlockCursor cursor, Event<BlocksRead> blocksRead, Instance<PaymentAddresses> paymentAddresses,
                 AssetCatalog catalog, ChainFinality finality, Clock clock, Leases leases, RpcMetrics rpcMetrics) {
        this.leases = leases;
        this.cursor = cursor;
        this.blocksRead = blocksRead;
        this.paymentAddresses = paymentAddresses;
        this.catalog = catalog;
        this.clock = clock;
        this.finality = finality;
        for (Chain chain : configured.enabled()) {
            if (chain.rpcUrls().isEmpty()) {
                continue;
            }
            Protocol protocol = chain.protocol();
            ChainsConfig.Chain reading = config.chains().get(protocol.configKey());
            ChainReader reader = new ChainReader(new ChainRpc(protocol, chain.rpcUrls(), reading.rpcTimeout(), rpcMetrics),
                    reading.logRange(), reading.rpcBatchSize());
            boolean readsNative = catalog.all().stream().anyMatch(a -> a.protocol().equals(protocol) && a.isNative());
            chains.put(protocol, new Watched(reader, chain.chainId(), chain.confirmations(), readsNative, chain.pollInterval()));
        }
    }

    /** The chains this watcher reads, each with how often: {@link ChainSchedule} polls each on its own. */
    public Map<Protocol, java.time.Duration> pollIntervals() {
        Map<Protocol, java.time.Duration> intervals = new TreeMap<>();
        chains.forEach((protocol, chain) -> intervals.put(protocol, chain.pollInterval));
        return intervals;
    }

    /**
     * Reads the chain up to its head (at most {@link #MAX_BLOCKS_PER_POLL} blocks). One poll per
     * chain at a time, on one instance: the one holding the chain's lease, renewed as it reads.
     */
    public void poll(Protocol protocol) {
        Watched chain = chains.get(protocol);
        if (chain == null) {
            return;
        }
        chain.lock.lock();
        try {
            chain.lastPollAt = clock.instant();
            // every instance checks its own node, standing by or not: refunds read transactions through it
            if (chain.refused != null || (!chain.identityVerified && !checkIdentity(protocol, chain))) {
                return;
            }
            if (!holdsLease(protocol, chain)) {
                return;
            }
            long head = chain.reader.head();
            chain.head = head;
            if (!walk(protocol, chain, head)) {
                return; // the lease passed to another instance mid-read: it goes on from the stored cursor
            }
            learnFinality(protocol, chain);
            chain.reader.pollDone();
            long tip = cursor.tip(protocol).orElseThrow().number();
            if (tip >= head) {
                chain.caughtUpAt = clock.instant();
            }
            blocksRead.fire(new BlocksRead(protocol, Math.min(head, tip)));
            if (chain.lastError != null) {
                LOG.infof("%s watcher is reading the chain again, at block %d", protocol, head);
            }
            chain.lastError = null;
            chain.failingSince = null;
        } catch (ChainUnavailableException e) {
            // a delay, never a decision: the next poll starts from the same cursor
            if (chain.lastError == null) {
                LOG.warnf("%s watcher waits for its node: %s", protocol, e.getMessage());
            }
            chain.lastError = e.getMessage();
            giveUpIfFailingLong(protocol, chain);
        } catch (LeaseLostException e) {
            // another instance took the chain over while this one wrote: what it wrote is rolled back
            LOG.infof("%s is read by another instance since this one stalled; this one stands by", protocol);
            chain.standby = true;
            chain.head = null;
        } catch (RuntimeException e) {
            // not the node's fault: logged in full, shown on /admin/chains, retried from the same cursor
            LOG.errorf(e, "%s watcher failed; it retries at the next poll", protocol);
            chain.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            chain.lock.unlock();
        }
    }

    /**
     * Whether this instance reads the chain now. The lease outlasts three poll intervals, so a
     * slow poll does not lose it; one that stops renewing (a dead instance) loses it then.
     */
    private boolean holdsLease(Protocol protocol, Watched chain) {
        if (chain.notBefore != null && clock.instant().isBefore(chain.notBefore)) {
            return false; // it let the chain go: another instance gets the first chance to take it
        }
        boolean held = leases.hold(leaseName(protocol), chain.pollInterval.multipliedBy(3));
        if (held && chain.standby) {
            LOG.infof("%s: this instance reads the chain from now on", protocol);
        } else if (!held && !chain.standby) {
            LOG.infof("%s is read by another instance; this one stands by", protocol);
            chain.head = null; // what this instance saw is no longer current
        }
        chain.standby = !held;
        return held;
    }

    /**
     * An instance whose node has failed for a whole lease time lets the chain go, and does not
     * ask for it again for as long, so an instance whose node answers can take it over.
     */
    private void giveUpIfFailingLong(Protocol protocol, Watched chain) {
        Instant now = clock.instant();
        if (chain.failingSince == null) {
            chain.failingSince = now;
            return;
        }
        java.time.Duration lease = leases.lasting(chain.pollInterval.multipliedBy(3));
        if (!chain.standby && now.isAfter(chain.failingSince.plus(lease))) {
            leases.giveUp(leaseName(protocol));
            chain.standby = true;
            chain.head = null;
            chain.notBefore = now.plus(lease);
            LOG.warnf("%s: this instance's node has failed for %d s; it lets the chain go to another instance", protocol,
                    java.time.Duration.between(chain.failingSince, now).toSeconds());
        }
    }

    /** The lease on reading {@code protocol}: one instance reads each chain. */
    public static String leaseName(Protocol protocol) {
        return "chain-" + protocol.configKey();
    }

    private boolean checkIdentity(Protocol protocol, Watched chain) {
        Optional<String> mismatch = ChainIdentity.mismatch(chain.reader.rpc(), chain.expectedChainId);
        if (mismatch.isPresent()) {
            chain.refused = mismatch.get();
            LOG.errorf("%s %s", protocol, chain.refused);
            return false;
        }
        chain.identityVerified = true;
        return true;
    }

    /** Reads new blocks up to {@code head}; false when the chain's lease was lost on the way. */
    private boolean walk(Protocol protocol, Watched chain, long head) {
        Optional<BlockCursor.SeenBlock> tip = cursor.tip(protocol);
        if (tip.isEmpty()) {
            // first start: payments before now belong to no order of ours, so begin at the head
            cursor.advance(protocol, seen(chain.reader.block(head, false)), List.of());
            return true;
        }
        long next = tip.get().number() + 1;
        if (next > head) {
            // nothing new: a node behind us on our own chain is only lagging, one on another branch has reorganised
            long number = head;
            boolean sameChain = cursor.at(protocol, number).map(stored -> stored.hash().equals(chain.reader.block(number, false).getHash()))
                    .orElse(true);
            if (sameChain) {
                return true;
            }
            next = rewind(protocol, chain, number) + 1;
        }
        long last = Math.min(head, next - 1 + MAX_BLOCKS_PER_POLL);
        // blocks already as deep as a payment must be: their logs are read by range, newer ones by block hash
        long rangeUpTo = head - chain.depth;
        boolean first = true;
        while (next <= last) {
            // renewed before every batch after the first: a long backfill keeps its lease, a stalled one gives it up
            if (!first && !leases.hold(leaseName(protocol), chain.pollInterval.multipliedBy(3))) {
                chain.standby = true;
                LOG.warnf("%s: the chain's lease passed to another instance during a read; this one stops at block %d", protocol, next - 1);
                return false;
            }
            first = false;
            List<EthBlock.Block> blocks = chain.reader.blocks(next, Math.min(last, next + chain.reader.logRange() - 1), chain.readsNative);
            Optional<BlockCursor.SeenBlock> parent = cursor.at(protocol, next - 1);
            if (parent.isPresent() && !parent.get().hash().equals(blocks.get(0).getParentHash())) {
                next = rewind(protocol, chain, next - 1) + 1;
                continue;
            }
            blocks = linked(blocks);
            // read after the blocks: an address added later belongs to an order younger than all of them
            Watchlist watch = watchlist(protocol);
            Map<Long, List<BlockCursor.ObservedTransfer>> transfers = TransferScanner.scan(chain.reader, blocks, watch, rangeUpTo);
            for (EthBlock.Block block : blocks) {
                cursor.advance(protocol, seen(block), transfers.getOrDefault(block.getNumber().longValueExact(), List.of()));
            }
            next = blocks.get(blocks.size() - 1).getNumber().longValueExact() + 1;
        }
        return true;
    }

    /** The leading blocks whose parent hashes chain up: the node may switch branches between two answers of a batch. */
    private static List<EthBlock.Block> linked(List<EthBlock.Block> blocks) {
        int end = 1;
        while (end < blocks.size() && blocks.get(end).getParentHash().equals(blocks.get(end - 1).getHash())) {
            end++;
        }
        return blocks.subList(0, end);
    }

    /** Rewinds the cursor to the common ancestor of the stored blocks and the node's chain; returns it. */
    private long rewind(Protocol protocol, Watched chain, long from) {
        long ancestor = commonAncestor(protocol, chain, from);
        OptionalLong finalized = finality.finalizedBlock(protocol);
        if (finalized.isPresent() && ancestor < finalized.getAsLong()) {
            // finality is the node's own promise: a node breaking it is broken, and following it could un-pay paid orders
            throw new ChainUnavailableException("the node replaced blocks below its finalized block " + finalized.getAsLong()
                    + " (common ancestor " + ancestor + "); not following it: check the node");
        }
        long removed = cursor.rewindTo(protocol, ancestor);
        if (cursor.tip(protocol).isEmpty()) {
            // deeper than the window: keep the node's ancestor as the base, never an empty cursor,
            // which would read as a first start and skip to the head
            cursor.advance(protocol, seen(chain.reader.block(ancestor, false)), List.of());
        }
        chain.reorgs++;
        LOG.warnf("%s reorg: %d block(s) above %d left the chain; re-reading from %d", protocol, removed, ancestor, ancestor + 1);
        return ancestor;
    }

    /** The highest stored block that is still on the node's chain. */
    private long commonAncestor(Protocol protocol, Watched chain, long from) {
        long oldest = cursor.oldest(protocol).map(BlockCursor.SeenBlock::number).orElse(from);
        for (long number = from; number >= oldest; number--) {
            Optional<BlockCursor.SeenBlock> stored = cursor.at(protocol, number);
            if (stored.isPresent() && stored.get().hash().equals(chain.reader.block(number, false).getHash())) {
                return number;
            }
        }
        LOG.errorf("%s reorg deeper than the %d-block window: resuming below block %d", protocol, BlockCursor.REORG_WINDOW, oldest);
        return oldest - 1;
    }

    /**
     * Learns the node's finalized block, once the cursor holds it with the same hash (or it lies
     * below the stored window, whose blocks were all checked for reorgs as they were read).
     */
    private void learnFinality(Protocol protocol, Watched chain) {
        chain.reader.finalized().ifPresent(block -> {
            long number = block.getNumber().longValueExact();
            boolean belowWindow = cursor.oldest(protocol).map(oldest -> number < oldest.number()).orElse(false);
            boolean sameBlock = cursor.at(protocol, number).map(stored -> stored.hash().equals(block.getHash())).orElse(false);
            if (belowWindow || sameBlock) {
                finality.finalizedAt(protocol, number);
            }
        });
    }

    private static BlockCursor.SeenBlock seen(EthBlock.Block block) {
        return new BlockCursor.SeenBlock(block.getNumber().longValueExact(), block.getHash(), block.getParentHash(),
                Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
    }

    /** Every address payments may arrive at on this chain, and the chain's accepted assets by the contract whose logs move them. */
    private Watchlist watchlist(Protocol protocol) {
        Set<String> addresses = QuarkusTransaction.requiringNew().call(() -> paymentAddresses.stream()
                .flatMap(source -> source.on(protocol).stream())
                .map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()));
        Optional<String> nativeAsset = catalog.all().stream()
                .filter(a -> a.protocol().equals(protocol) && a.isNative()).map(Asset::symbol).findFirst();
        Map<String, String> tokens = new HashMap<>();
        // a native coin's own ERC-20 interface (CELO's) counts as that coin: its Transfer logs are recorded in the native symbol
        catalog.all().stream().filter(a -> a.protocol().equals(protocol))
                .forEach(a -> a.contract().or(a::tokenContract).ifPresent(c -> tokens.put(c.toLowerCase(Locale.ROOT), a.symbol())));
        return new Watchlist(addresses, nativeAsset, tokens);
    }

    /**
     * The RPC of a watched chain, for reading facts by hash ({@link TransferReceipts}): the
     * watcher's own client, so one chain has one client; unavailable when the chain is not
     * watched or its node answers for another chain.
     */
    ChainRpc rpc(Protocol protocol) {
        Watched chain = chains.get(protocol);
        if (chain == null) {
            throw new ChainUnavailableException(protocol + " is not watched: no enabled chain with rpc-urls");
        }
        if (!chain.identityVerified && chain.refused == null) {
            // never read through a node not yet known to answer for this chain (an instance standing by, just started)
            chain.lock.lock();
            try {
                if (!chain.identityVerified && chain.refused == null) {
                    checkIdentity(protocol, chain);
                }
            } finally {
                chain.lock.unlock();
            }
        }
        if (chain.refused != null) {
            throw new ChainUnavailableException(protocol + " " + chain.refused);
        }
        return chain.reader.rpc();
    }

    /** Head, cursor and lag of every watched chain, for operators and the health check. */
    public List<ChainStatus> statuses() {
        return chains.entrySet().stream().map(e -> {
            Watched chain = e.getValue();
            Long tip = cursor.tip(e.getKey()).map(BlockCursor.SeenBlock::number).orElse(null);
            Long head = chain.standby ? null : chain.head;
            Long lag = head == null || tip == null ? null : Math.max(0, head - tip);
            String error = chain.refused != null ? chain.refused : chain.lastError;
            OptionalLong finalized = finality.finalizedBlock(e.getKey());
            String watchedBy = leases.holder(leaseName(e.getKey())).map(Leases.Holder::instance).orElse(null);
            return new ChainStatus(e.getKey().name(), chain.refused == null, head, tip, lag,
                    finalized.isPresent() ? finalized.getAsLong() : null, chain.reader.logRange(), chain.lastPollAt, error, chain.reorgs,
                    chain.caughtUpAt, chain.standby, watchedBy);
        }).toList();
    }

    void shutdown(@Observes ShutdownEvent event) {
        chains.values().forEach(chain -> chain.reader.rpc().shutdown());
    }

    /** One chain being watched. Fields are guarded by {@code lock} (read unguarded only for status). */
    private static final class Watched {
        final ChainReader reader;
        final long expectedChainId;
        /** The confirmation depth: blocks at least this deep have their logs read by range. */
        final int depth;
        /** Whether blocks are read with their transactions: only when the chain's native coin is accepted. */
        final boolean readsNative;
        final java.time.Duration pollInterval;
        final ReentrantLock lock = new ReentrantLock();
        volatile boolean identityVerified;
        volatile String refused;
        volatile Long head;
        volatile Instant lastPollAt;
        volatile String lastError;
        volatile long reorgs;
        volatile Instant caughtUpAt;
        volatile boolean standby;
        /** When its reads began to fail (null while they succeed). */
        volatile Instant failingSince;
        /** After letting the chain go: not asked for again before then. */
        volatile Instant notBefore;

        Watched(ChainReader reader, long expectedChainId, int depth, boolean readsNative, java.time.Duration pollInterval) {
            this.pollInterval = pollInterval;
            this.reader = reader;
            this.expectedChainId = expectedChainId;
            this.depth = depth;
            this.readsNative = readsNative;
        }
    }
}
