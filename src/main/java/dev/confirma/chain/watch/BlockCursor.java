package dev.confirma.chain.watch;

import dev.confirma.chain.Protocol;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Where a chain watcher is: the processed blocks of the reorg window, persisted so a restart resumes. */
@Singleton
public class BlockCursor {

    /** Blocks kept to find a common ancestor after a reorg; deeper reorgs are reported, not repaired. */
    static final int REORG_WINDOW = 256;

    private final Clock clock;

    BlockCursor(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Optional<SeenBlock> tip(Protocol chain) {
        return ChainBlock.tip(chain.name()).map(BlockCursor::seen);
    }

    @Transactional
    public Optional<SeenBlock> at(Protocol chain, long number) {
        return ChainBlock.at(chain.name(), number).map(BlockCursor::seen);
    }

    /** Records a processed block and forgets blocks older than the reorg window. */
    @Transactional
    public void advance(Protocol chain, SeenBlock block) {
        ChainBlock row = new ChainBlock();
        row.id = new ChainBlock.Id(chain.name(), block.number());
        row.hash = block.hash();
        row.parentHash = block.parentHash();
        row.processedAt = clock.instant();
        row.persist();
        ChainBlock.delete("id.chain = ?1 and id.number <= ?2", chain.name(), block.number() - REORG_WINDOW);
    }

    /** Forgets every block above {@code ancestor}: they left the canonical chain. */
    @Transactional
    public long rewindTo(Protocol chain, long ancestor) {
        return ChainBlock.delete("id.chain = ?1 and id.number > ?2", chain.name(), ancestor);
    }

    @Transactional
    public Optional<SeenBlock> oldest(Protocol chain) {
        return ChainBlock.<ChainBlock>find("id.chain = ?1 order by id.number", chain.name()).firstResultOptional().map(BlockCursor::seen);
    }

    private static SeenBlock seen(ChainBlock row) {
        return new SeenBlock(row.id.number, row.hash, row.parentHash);
    }

    /** A block by number, hash and parent hash. */
    public record SeenBlock(long number, String hash, String parentHash) {
    }
}
