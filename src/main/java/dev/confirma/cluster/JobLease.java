package dev.confirma.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A lease row: {@code holder} does job {@code name} until {@code expiresAt} unless it renews. */
@Entity
@Table(name = "job_leases")
public class JobLease extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String holder;

    @Column(name = "acquired_at", nullable = false)
    public Instant acquiredAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
