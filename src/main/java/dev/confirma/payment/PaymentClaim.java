package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A transaction hash submitted as payment for an order: a hint for the chain watcher.
 * The same hash may be claimed for several orders; the chain decides which one it paid.
 */
@Entity
@Table(name = "payment_claims")
public class PaymentClaim extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column
    public String blockchain;

    @Column
    public String asset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The claims of several orders in one query. */
    public static List<PaymentClaim> forOrders(Collection<String> orderIds) {
        return list("id.orderId in ?1 order by createdAt, id.transactionHash", orderIds);
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "transaction_hash", nullable = false)
        public String transactionHash;

        @Column(name = "order_id", nullable = false)
        public String orderId;

        public Id() {
        }

        public Id(String transactionHash, String orderId) {
            this.transactionHash = transactionHash;
            this.orderId = orderId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && transactionHash.equals(other.transactionHash) && orderId.equals(other.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(transactionHash, orderId);
        }
    }
}
