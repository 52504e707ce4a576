package dev.confirma.store;

import dev.confirma.common.Secrets;
import dev.confirma.common.error.ApiException;
import dev.confirma.store.config.ApiKeysConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, changes and retires stores; holds the transaction for the operator API. */
@ApplicationScoped
public class StoreService {

    private final ApiKeys apiKeys;
    private final Clock clock;
    private final ApiKeysConfig config;

    StoreService(ApiKeys apiKeys, Clock clock, ApiKeysConfig config) {
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public CreatedStore create(StoreDraft draft) {
        Instant now = clock.instant();
        Store store = new Store();
        store.id = UUID.randomUUID().toString();
        store.name = draft.name().orElseThrow();
        store.wallets.addAll(requireOwnXpubs(store.id, draft.wallets().orElse(List.of())));
        store.markupPercentage = draft.markupPercentage().orElse(BigDecimal.ZERO);
        store.discountPercentage = draft.discountPercentage().orElse(BigDecimal.ZERO);
        store.acceptedAssets = draft.acceptedAssets().map(list -> String.join(",", list)).orElse(null);
        store.retentionDays = draft.retention().map(StoreDraft.Retention::days).orElse(null);
        store.timeZone = draft.timeZone().orElse("UTC");
        store.webhookSecret = "whsec_" + Secrets.randomToken(32);
        store.createdAt = now;
        store.updatedAt = now;
        store.persist();
        ApiKeys.IssuedKey key = apiKeys.issue(store.id);
        return new CreatedStore(store, key);
    }

    @Transactional
    public Store update(String id, StoreDraft patch) {
        Store store = require(id);
        patch.name().ifPresent(name -> store.name = name);
        patch.wallets().ifPresent(wallets -> {
            List<StoreWallet> checked = requireOwnXpubs(store.id, wallets);
            store.wallets.clear();
            store.wallets.addAll(checked);
        });
        patch.markupPercentage().ifPresent(m -> store.markupPercentage = m);
        patch.discountPercentage().ifPresent(d -> store.discountPercentage = d);
        patch.acceptedAssets().ifPresent(list -> store.acceptedAssets = String.join(",", list));
        patch.retention().ifPresent(retention -> store.retentionDays = retention.days());
        patch.timeZone().ifPresent(zone -> store.timeZone = zone);
        store.updatedAt = clock.instant();
        return store;
    }

    /** Retires the store: its keys stop working at once; its orders stay for the record. */
    @Transactional
    public void delete(String id) {
        Store store = require(id);
        store.deletedAt = clock.instant();
        store.updatedAt = store.deletedAt;
        apiKeys.revokeAll(store.id);
    }

    /**
     * A key that may write replaces every active key of the store (a rotation): they keep working
     * for {@code grace}, or the configured grace period when empty; a read-only key is issued
     * beside them, for a reporting tool, and takes no grace.
     */
    @Transactional
    public ApiKeys.IssuedKey issueKey(String id, KeyScopes scopes, Optional<Duration> grace) {
        Store store = require(id);
        if (!scopes.canWrite()) {
            if (grace.isPresent()) {
                throw ApiException.invalidField("grace", "grace applies to a rotation (a key with scopes read,write);"
                        + " a read-only key replaces none");
            }
            return apiKeys.issue(store.id, scopes);
        }
        // two rotations at once take turns: each sees the other's key and gives it its grace period
        Store.getEntityManager().lock(store, LockModeType.PESSIMISTIC_WRITE);
        return apiKeys.rotate(store.id, grace.orElse(config.rotationGrace()));
    }

    @Transactional
    public List<ApiKey> keys(String id) {
        return apiKeys.of(require(id).id);
    }

    @Transactional
    public void revokeKey(String id, String keyId) {
        if (!apiKeys.revoke(require(id).id, keyId)) {
            throw ApiException.notFound("Store " + id + " has no working key " + keyId);
        }
    }

    /** Two stores deriving from one xpub would be given the same deposit addresses. */
    private static List<StoreWallet> requireOwnXpubs(String storeId, List<StoreWallet> wallets) {
        for (StoreWallet wallet : wallets) {
            if (wallet.derivesAddresses() && Store.count("select count(s) from Store s join s.wallets w where s.deletedAt is null"
                    + " and s.id <> ?1 and w.xpub = ?2", storeId, wallet.xpub) > 0) {
                throw ApiException.conflict("xpub_in_use", "Another store already derives its addresses from this xpub;"
                        + " give each store its own account (m/44'/60'/n')");
            }
        }
        return wallets;
    }

    public Store require(String id) {
        return Store.findActive(id).orElseThrow(() -> ApiException.notFound("Store " + id + " not found"));
    }

    public record CreatedStore(Store store, ApiKeys.IssuedKey key) {
    }
}
