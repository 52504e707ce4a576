package dev.confirma.fraud;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's rules, as stored. */
@Entity
@Table(name = "fraud_rules")
class FraudRuleSet extends PanacheEntityBase {

    @Id
    @Column(name = "store_id")
    public String storeId;

    @Column(nullable = false)
    public int threshold;

    @Column(nullable = false)
    public String rules;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
