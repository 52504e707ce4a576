package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The order a transaction paid: the primary key makes it one order per transaction, ever. */
@Entity
@Table(name = "paid_transactions")
public class PaidTransaction extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Embeddable
    public static class Id implements Serializable {
        @Column(nullable = false)
        public String chain;

        @Column(name = "tx_hash", nullable = false)
        public String txHash;

        public Id() {
        }

        public Id(String chain, String txHash) {
            this.chain = chain;
            this.txHash = txHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && chain.equals(other.chain) && txHash.equals(other.txHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chain, txHash);
        }
    }
}
