package dev.confirma.chain.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** A transfer seen on chain to a watched address: native value, or an ERC-20 Transfer log. */
@Entity
@Table(name = "chain_transfers")
public class ChainTransfer extends PanacheEntityBase {

    /** log_index of a native transfer, which has no log. */
    public static final int NATIVE = -1;

    @Id
    public String id;

    @Column(nullable = false)
    public String chain;

    @Column(name = "tx_hash", nullable = false)
    public String txHash;

    @Column(name = "log_index", nullable = false)
    public int logIndex;

    @Column(name = "block_number", nullable = false)
    public long blockNumber;

    @Column(name = "block_hash", nullable = false)
    public String blockHash;

    /** The block's own timestamp: when the payment happened, as the chain says. */
    @Column(name = "block_time", nullable = false)
    public Instant blockTime;

    @Column(nullable = false)
    public String asset;

    @Column(name = "from_address", nullable = false)
    public String fromAddress;

    /** EIP-55 checksummed, as store wallets are. */
    @Column(name = "to_address", nullable = false)
    public String toAddress;

    @Column(name = "amount_base_units", nullable = false, precision = 78, scale = 0)
    public BigInteger amountBaseUnits;

    /** False for a reverted transaction: seen, never credited. */
    @Column(nullable = false)
    public boolean succeeded;

    /** True once its block left the canonical chain. */
    @Column(nullable = false)
    public boolean removed;

    /** Looked up once among the orders' reserved amounts, matched or not. */
    @Column(name = "amount_checked", nullable = false)
    public boolean amountChecked;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
