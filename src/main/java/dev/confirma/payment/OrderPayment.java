package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A recorded transfer attributed to an order; {@code credited} says whether it counts toward the total. */
@Entity
@Table(name = "order_payments")
public class OrderPayment extends PanacheEntityBase {

    @Id
    @Column(name = "transfer_id")
    public String transferId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(nullable = false)
    public boolean credited;

    /** Why it is not credited, when it is not. */
    @Column
    public String note;

    @Column(nullable = false)
    public long confirmations;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<OrderPayment> forOrders(Collection<String> orderIds) {
        return list("orderId in ?1 order by createdAt, transferId", orderIds);
    }
}
