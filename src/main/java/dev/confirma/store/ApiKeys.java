package dev.confirma.store;

import dev.confirma.common.Secrets;
import jakarta.inject.Singleton;
import java.time.Clock;
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

    /** Revokes every active key of the store. Call inside a transaction. */
    public void revokeAll(String storeId) {
        ApiKey.update("revokedAt = ?1 where storeId = ?2 and revokedAt is null", clock.instant(), storeId);
    }

    /**
     * The active store the presented key belongs to. The lookup is by hash, so timing reveals
     * nothing about the key itself.
     */
    public Optional<Authenticated> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = ApiKey.find("keyHash = ?1 and revokedAt is null", Secrets.sha256Hex(presented.trim()))
                .firstResultOptional();
        return key.flatMap(k -> Store.findActive(k.storeId).map(store -> new Authenticated(store, k.keyPrefix, k.keyScopes())));
    }

    /** Revokes one of the store's keys; false when the store has no such active key. Call inside a transaction. */
    public boolean revoke(String storeId, String keyId) {
        return ApiKey.update("revokedAt = ?1 where id = ?2 and storeId = ?3 and revokedAt is null", clock.instant(), keyId, storeId) > 0;
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
        return ApiKey.<ApiKey>find("storeId = ?1 and revokedAt is null and scopes = ?2 order by createdAt desc", storeId,
                        KeyScopes.READ_WRITE.stored())
                .firstResultOptional()
                .map(k -> k.keyPrefix);
    }

    /** The store's newest active key, for the x-api-key header of its callbacks; empty when it has no sealed copy. */
    public Optional<String> forCallbacks(String storeId) {
        return ApiKey.<ApiKey>find("storeId = ?1 and revokedAt is null and scopes = ?2 order by createdAt desc", storeId,
                        KeyScopes.READ_WRITE.stored())
                .firstResultOptional()
                .map(k -> k.callbackCopy)
                .map(seal::open);
    }

    public record IssuedKey(String id, String apiKey, String prefix, KeyScopes scopes, Instant createdAt) {
    }

    /** The store a key belongs to, the key's prefix (who acted) and what it may do. */
    public record Authenticated(Store store, String keyPrefix, KeyScopes scopes) {
    }
}
