package dev.confirma.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret the server generates for itself once and keeps across restarts and instances. */
@Entity
@Table(name = "server_secrets")
public class ServerSecret extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "secret_value", nullable = false)
    public String secretValue;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
