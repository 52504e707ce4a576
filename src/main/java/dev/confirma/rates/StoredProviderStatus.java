package dev.confirma.rates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How the refreshing instance's last request to a provider went. */
@Entity
@Table(name = "rate_providers")
class StoredProviderStatus extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_pairs", nullable = false)
    public int lastPairs;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    @Column(name = "last_error")
    public String lastError;
}
