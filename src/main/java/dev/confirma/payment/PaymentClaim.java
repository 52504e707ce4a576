package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A transaction hash submitted as payment for an order; the hash is the key, so it pays one order ever. */
@Entity
@Table(name = "payment_claims")
public class PaymentClaim extends PanacheEntityBase {

    @Id
    @Column(name = "transaction_hash")
    public String transactionHash;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column
    public String blockchain;

    @Column
    public String asset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The claims of several orders in one query. */
    public static List<PaymentClaim> forOrders(Collection<String> orderIds) {
        return list("orderId in ?1 order by createdAt, transactionHash", orderIds);
    }
}
