package dev.confirma.store;

import dev.confirma.common.Secrets;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, checks and revokes store API keys. A key is shown once; it is authenticated by its
 * hash, and a sealed copy is kept only to send back on callbacks, as Cryptum plugins expect.
 */
@Singleton
public class ApiKeys {

    static final String KEY_PREFIX = "ck_";
    /** A key that works now, with the current instant as parameter ?2. */
    private static final String ACTIVE = "revokedAt is null and (expiresAt is null or expiresAt > ?2)";
    /** Among a store's working keys that may write, the one a plugin is (or is about to be) configured with. */
    private static final String NEWEST_WRITER = "storeId = ?1 and " + ACTIVE + " and scopes = ?3"
            + " order by expiresAt desc nulls first, createdAt desc, id";
    private static final int PREFIX_SHOWN = 10;

    private final ApiKeySeal seal;
    private final Clock clock;

    ApiKeys(ApiKeySeal seal, Clock clock) {
        this.seal = seal;
        this.clock = clock;
    }

    /** A new active key for the store that may read and write: 256 random bits. Call inside a transaction. */
    public IssuedKey issue(String storeId) {
        return issue(storeId, KeyScopes.READ_WRITE);
    }

    /** A new active key for the store with these scopes. Call inside a transaction. */
    public IssuedKey issue(String storeId, KeyScopes scopes) {
        String key = KEY_PREFIX + Secrets.randomToken(32);
        ApiKey row = new ApiKey();
        row.id = UUID.randomUUID().toString();
        row.storeId = storeId;
        row.keyHash = Secrets.sha256Hex(key);
        row.keyPrefix = prefixOf(key);
        row.callbackCopy = seal.seal(key);
        row.scopes = scopes.stored();
        row.createdAt = clock.instant();
        row.persist();
        return new IssuedKey(row.id, key, row.keyPrefix, scopes, row.createdAt);
    }

    /** Revokes every active key of the store, at once. Call inside a transaction. */
    public void revokeAll(String storeId) {
        ApiKey.update("revokedAt = ?1 where storeId = ?2 and revokedAt is null", clock.instant(), storeId);
    }

    /**
     * A rotation: a new key that may read and write, while every earlier key of the store keeps
     * working for {@code grace} (zero: revoked at once). A key already due to expire sooner keeps
     * its earlier expiry, so rotating twice never lengthens an old key's life. Call inside a
     * transaction that holds the store's lock, so two rotations at once are taken in turn.
     */
    public IssuedKey rotate(String storeId, Duration grace) {
        if (grace.isZero()) {
            revokeAll(storeId);
        } else {
            Instant until = clock.instant().plus(grace);
            ApiKey.update("expiresAt = ?1 where storeId = ?2 and revokedAt is null and (expiresAt is null or expiresAt > ?1)",
                    until, storeId);
        }
        return issue(storeId, KeyScopes.READ_WRITE);
    }

    /**
     * The active store the presented key belongs to. The lookup is by hash, so timing reveals
     * nothing about the key itself; a revoked and an expired key fail in the same query, so
     * nothing tells them apart either.
     */
    public Optional<Authenticated> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = ApiKey.find("keyHash = ?1 and " + ACTIVE, Secrets.sha256Hex(presented.trim()), clock.instant())
                .firstResultOptional();
        return key.flatMap(k -> Store.findActive(k.storeId).map(store -> new Authenticated(store, k.keyPrefix, k.keyScopes())));
    }

    /**
     * Revokes one of the store's working keys at once (a key in its grace period included); false
     * when the store has no such working key. Call inside a transaction.
     */
    public boolean revoke(String storeId, String keyId) {
        Instant now = clock.instant();
        return ApiKey.update("revokedAt = ?1 where id = ?3 and storeId = ?4 and " + ACTIVE, now, now, keyId, storeId) > 0;
    }

    /** The store's keys, newest first, revoked ones included: what the operator's key list shows. */
    public List<ApiKey> of(String storeId) {
        return ApiKey.list("storeId = ?1 order by createdAt desc, id", storeId);
    }

    /** The part of a key that is shown and kept in clear, to recognise it by. */
    private static String prefixOf(String key) {
        return key.substring(0, Math.min(PREFIX_SHOWN, key.length()));
    }

    /** The newest key that may write: the one a plugin is configured with. */
    public Optional<String> activePrefix(String storeId) {
        return newestWriter(storeId).map(k -> k.keyPrefix);
    }

    /** The store's newest active key, for the x-api-key header of its callbacks; empty when it has no sealed copy. */
    public Optional<String> forCallbacks(String storeId) {
        return newestWriter(storeId)
                .map(k -> k.callbackCopy)
                .map(seal::open);
    }

    /** The key without expiry comes first: after a rotation, the new key, even when the clock has not moved. */
    private Optional<ApiKey> newestWriter(String storeId) {
        return ApiKey.<ApiKey>find(NEWEST_WRITER, storeId, clock.instant(), KeyScopes.READ_WRITE.stored()).firstResultOptional();
    }

    public record IssuedKey(String id, String apiKey, String prefix, KeyScopes scopes, Instant createdAt) {
    }

    /** The store a key belongs to, the key's prefix (who acted) and what it may do. */
    public record Authenticated(Store store, String keyPrefix, KeyScopes scopes) {
    }
}
