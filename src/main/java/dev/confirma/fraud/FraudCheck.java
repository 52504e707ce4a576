package dev.confirma.fraud;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One order's screening: its score, what fired, and when it was held. */
@Entity
@Table(name = "order_fraud_checks")
class FraudCheck extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public int threshold;

    @Column
    public String fired;

    @Column(name = "email_hash")
    public String emailHash;

    @Column(name = "client_ip_hash")
    public String clientIpHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "held_at")
    public Instant heldAt;

    boolean flagged() {
        return score >= threshold;
    }
}
