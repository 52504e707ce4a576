package dev.confirma.store;

import dev.confirma.common.Secrets;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes store API keys. A key is shown once; only its hash is stored. */
@Singleton
public class ApiKeys {

    static final String KEY_PREFIX = "ck_";
    private static final int PREFIX_SHOWN = 10;

    private final Clock clock;

    ApiKeys(Clock clock) {
        this.clock = clock;
    }

    /** A new active key for the store: 256 random bits. Call inside a transaction. */
    public IssuedKey issue(String storeId) {
        String key = KEY_PREFIX + Secrets.randomToken(32);
        ApiKey row = new ApiKey();
        row.id = UUID.randomUUID().toString();
        row.storeId = storeId;
        row.keyHash = Secrets.sha256Hex(key);
        row.keyPrefix = key.substring(0, PREFIX_SHOWN);
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

    public Optional<String> activePrefix(String storeId) {
        return ApiKey.<ApiKey>find("storeId = ?1 and revokedAt is null order by createdAt desc", storeId)
                .firstResultOptional()
                .map(k -> k.keyPrefix);
    }

    public record IssuedKey(String apiKey, String prefix, Instant createdAt) {
    }
}
