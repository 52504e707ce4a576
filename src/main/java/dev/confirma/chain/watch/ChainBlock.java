package dev.confirma.chain.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A block a chain watcher has processed: its number, hash and parent, kept for the reorg window. */
@Entity
@Table(name = "chain_blocks")
public class ChainBlock extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "block_hash", nullable = false)
    public String hash;

    @Column(name = "parent_hash", nullable = false)
    public String parentHash;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** The block's own timestamp; null for blocks processed before it was kept. */
    @Column(name = "block_time")
    public Instant blockTime;

    /** The highest processed block of a chain: its cursor. */
    static Optional<ChainBlock> tip(String chain) {
        return find("id.chain = ?1 order by id.number desc", chain).firstResultOptional();
    }

    static Optional<ChainBlock> at(String chain, long number) {
        return findByIdOptional(new Id(chain, number));
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(nullable = false)
        public String chain;

        @Column(name = "block_number", nullable = false)
        public long number;

        public Id() {
        }

        public Id(String chain, long number) {
            this.chain = chain;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && chain.equals(other.chain) && number == other.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(chain, number);
        }
    }
}
