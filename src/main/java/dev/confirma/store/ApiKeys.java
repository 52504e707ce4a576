package dev.confirma.store;

import dev.confirma.common.Secrets;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
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

    /** A new active key for the store: 256 random bits. Call inside a transaction. */
    public IssuedKey issue(String storeId) {
        String key = KEY_PREFIX + Secrets.randomToken(32);
        ApiKey row = new ApiKey();
        row.id = UUID.randomUUID().toString();
        row.storeId = storeId;
        row.keyHash = Secrets.sha256Hex(key);
        row.keyPrefix = prefixOf(key);
        row.callbackCopy = seal.seal(key);
        row.createdAt = clock.instant();
        row.persist();
        return new IssuedKey(key, row.keyPrefix, row.createdAt);
    }

    /** Revokes every active key of the store. Call inside a transaction. */
    public void revokeAll(String storeId) {
        ApiKey.update("revokedAt = ?1 where storeId = ?2 and revokedAt is null", clock.instant(), storeId);
    }

    /**
     * The active store the presented key belongs to. The lookup is by hash, so timing reveals
     * nothing about the key itself.
     */
    public Optional<Store> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = ApiKey.find("keyHash = ?1 and revokedAt is null", Secrets.sha256Hex(presented.trim()))
                .firstResultOptional();
        return key.flatMap(k -> Store.findActive(k.storeId));
    }

    /** The part of a key that is shown and kept in clear, to recognise it by. */
    public static String prefixOf(String key) {
        return key.substring(0, Math.min(PREFIX_SHOWN, key.length()));
    }

    public Optional<String> activePrefix(String storeId) {
        return ApiKey.<ApiKey>find("storeId = ?1 and revokedAt is null order by createdAt desc", storeId)
                .firstResultOptional()
                .map(k -> k.keyPrefix);
    }

    /** The store's newest active key, for the x-api-key header of its callbacks; empty when it has no sealed copy. */
    public Optional<String> forCallbacks(String storeId) {
        return ApiKey.<ApiKey>find("storeId = ?1 and revokedAt is null order by createdAt desc", storeId)
                .firstResultOptional()
                .map(k -> k.callbackCopy)
                .map(seal::open);
    }

    public record IssuedKey(String apiKey, String prefix, Instant createdAt) {
    }
}
