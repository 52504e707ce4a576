package dev.confirma.chain.watch;

import dev.confirma.chain.Protocol;
import dev.confirma.cluster.Leases;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Optional;

/**
 * Where a chain watcher is: the processed blocks of the reorg window, persisted so a
 * restart resumes, with the transfers each block held. A block and its transfers are
 * written in one transaction; a rewind retires both together. Each write is fenced by the
 * chain's lease: an instance that lost it writes nothing.
 */
@Singleton
public class BlockCursor {

    /** Blocks kept to find a common ancestor after a reorg; deeper reorgs are reported, not repaired. */
    static final int REORG_WINDOW = 256;

    private final Clock clock;
    private final Leases leases;

    BlockCursor(Clock clock, Leases leases) {
        this.clock = clock;
        this.leases = leases;
    }

    @Transactional
    public Optional<SeenBlock> tip(Protocol chain) {
        return ChainBlock.tip(chain.name()).map(BlockCursor::seen);
    }

    @Transactional
    public Optional<SeenBlock> at(Protocol chain, long number) {
        return ChainBlock.at(chain.name(), number).map(BlockCursor::seen);
    }

    /** Records a processed block with its transfers, and forgets blocks older than the reorg window. */
    @Transactional
    public void advance(Protocol chain, SeenBlock block, List<ObservedTransfer> transfers) {
        // only the chain's reader writes its blocks, and only while it holds the chain's lease
        leases.requireHeld(ChainWatcher.leaseName(chain));
        Instant now = clock.instant();
        for (ObservedTransfer transfer : transfers) {
            Optional<ChainTransfer> seenBefore = ChainTransfer.find("chain = ?1 and txHash = ?2 and logIndex = ?3 and blockHash = ?4",
                    chain.name(), transfer.txHash(), transfer.logIndex(), block.hash()).firstResultOptional();
            if (seenBefore.isPresent()) {
                // the very block came back (the chain went A → B → A): its transfers are canonical again
                seenBefore.get().removed = false;
                seenBefore.get().amountChecked = false;
                continue;
            }
            ChainTransfer fact = new ChainTransfer();
            fact.id = UUID.randomUUID().toString();
            fact.chain = chain.name();
            fact.txHash = transfer.txHash();
            fact.logIndex = transfer.logIndex();
            fact.blockNumber = block.number();
            fact.blockHash = block.hash();
            fact.blockTime = block.time();
            fact.asset = transfer.asset();
            fact.fromAddress = transfer.from();
            fact.toAddress = transfer.to();
            fact.amountBaseUnits = transfer.amountBaseUnits();
            fact.succeeded = transfer.succeeded();
            fact.removed = false;
            fact.amountChecked = false;
            fact.seenAt = now;
            fact.persist();
        }
        ChainBlock row = new ChainBlock();
        row.id = new ChainBlock.Id(chain.name(), block.number());
        row.hash = block.hash();
        row.parentHash = block.parentHash();
        row.processedAt = now;
        row.blockTime = block.time();
        row.persist();
        ChainBlock.delete("id.chain = ?1 and id.number <= ?2", chain.name(), block.number() - REORG_WINDOW);
    }

    /** Forgets every block above {@code ancestor} (they left the canonical chain) and marks their transfers removed. */
    @Transactional
    public long rewindTo(Protocol chain, long ancestor) {
        leases.requireHeld(ChainWatcher.leaseName(chain));
        ChainTransfer.update("removed = true where chain = ?1 and blockNumber > ?2 and removed = false", chain.name(), ancestor);
        return ChainBlock.delete("id.chain = ?1 and id.number > ?2", chain.name(), ancestor);
    }

    @Transactional
    public Optional<SeenBlock> oldest(Protocol chain) {
        return ChainBlock.<ChainBlock>find("id.chain = ?1 order by id.number", chain.name()).firstResultOptional().map(BlockCursor::seen);
    }

    private static SeenBlock seen(ChainBlock row) {
        return new SeenBlock(row.id.number, row.hash, row.parentHash, row.blockTime);
    }

    /** A transfer found in a block, before it is recorded. */
    public record ObservedTransfer(String txHash, int logIndex, String asset, String from, String to,
                                   BigInteger amountBaseUnits, boolean succeeded) {
    }

    /** A block by number, hash, parent hash and timestamp ({@code time} is null for blocks the cursor kept before it kept their time). */
    public record SeenBlock(long number, String hash, String parentHash, Instant time) {
    }
}
