package dev.confirma.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's API key, kept only as its SHA-256 and a short prefix to recognise it by. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Sealed copy sent as x-api-key on callbacks (see ApiKeySeal); null for keys issued before it existed. */
    @Column(name = "callback_copy")
    public String callbackCopy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** When a rotation's grace period ends for this key; null: it does not expire. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** {@code read} or {@code read,write}: see {@link KeyScopes}. */
    @Column(nullable = false)
    public String scopes;

    public KeyScopes keyScopes() {
        return KeyScopes.ofStored(scopes);
    }
}
