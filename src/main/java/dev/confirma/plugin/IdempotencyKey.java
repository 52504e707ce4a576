package dev.confirma.plugin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An {@code Idempotency-Key} a store sent with a checkout, and the order it produced. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyKey extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "store_id", nullable = false)
        public String storeId;

        @Column(name = "idempotency_key", nullable = false)
        public String key;

        public Id() {
        }

        public Id(String storeId, String key) {
            this.storeId = storeId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && storeId.equals(other.storeId) && key.equals(other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(storeId, key);
        }
    }
}
