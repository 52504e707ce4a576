package dev.confirma.rates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A market rate as the refreshing instance published it; the price as an exact decimal string. */
@Entity
@Table(name = "market_rates")
class StoredRate extends PanacheEntityBase {

    @Id
    public String pair;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String price;

    /** Comma-separated provider names. */
    @Column(nullable = false)
    public String sources;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;
}
