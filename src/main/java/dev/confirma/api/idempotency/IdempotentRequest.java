package dev.confirma.api.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A POST made with an Idempotency-Key: its fingerprint and, once answered, the answer. */
@Entity
@Table(name = "api_idempotency")
class IdempotentRequest extends PanacheEntityBase {

    @EmbeddedId
    Key key;

    @Column(nullable = false)
    String fingerprint;

    @Column(nullable = false)
    String owner;

    @Column
    Integer status;

    @Column
    String body;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "locked_until", nullable = false)
    Instant lockedUntil;

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "store_id", nullable = false)
        String storeId;

        @Column(name = "idem_key", nullable = false)
        String key;

        Key() {
        }

        Key(String storeId, String key) {
            this.storeId = storeId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.storeId.equals(storeId) && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(storeId, key);
        }
    }
}
