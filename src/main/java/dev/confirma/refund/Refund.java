package dev.confirma.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One refund of an order; its status changes only in {@link Refunds}. */
@Entity
@Table(name = "refunds")
public class Refund extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(nullable = false)
    public String protocol;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal amount;

    /** {@code amount} in the asset's base units, fixed when the refund is recorded. */
    @Column(name = "amount_base_units", nullable = false, precision = 78, scale = 0)
    public BigInteger amountBaseUnits;

    @Column(name = "to_address", nullable = false)
    public String toAddress;

    /** Lower-case; unique per chain, so one transaction counts for one refund. */
    @Column(name = "transaction_hash")
    public String transactionHash;

    /** The hash of a refund found not to be one: kept to show, no longer holding the hash. */
    @Column(name = "rejected_hash")
    public String rejectedHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundStatus status;

    @Column
    public String reason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** A pending refund claimed for a check until then (by one instance); null: due. */
    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    static List<Refund> ofOrder(String orderId) {
        return list("orderId = ?1 order by createdAt, id", orderId);
    }

    static Optional<Refund> byTransaction(String protocol, String hash) {
        return find("protocol = ?1 and transactionHash = ?2", protocol, hash).firstResultOptional();
    }
}
