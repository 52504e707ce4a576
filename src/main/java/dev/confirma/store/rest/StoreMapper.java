package dev.confirma.store.rest;

import dev.confirma.chain.AssetCatalog;
import dev.confirma.store.ApiKeys;
import dev.confirma.store.Store;
import jakarta.inject.Singleton;
import dev.confirma.common.Money;
import java.util.Arrays;
import java.util.List;

/** Maps store entities to what the API shows. */
@Singleton
public class StoreMapper {

    private final AssetCatalog assets;
    private final ApiKeys apiKeys;

    StoreMapper(AssetCatalog assets, ApiKeys apiKeys) {
        this.assets = assets;
        this.apiKeys = apiKeys;
    }

    public StoreView toView(Store store, String newApiKey) {
        return new StoreView(
                store.id,
                store.name,
                wallets(store),
                Money.plain(store.markupPercentage),
                Money.plain(store.discountPercentage),
                acceptedAssets(store),
                store.timeZone,
                store.webhookSecret,
                newApiKey,
                apiKeys.activePrefix(store.id).orElse(null),
                store.retentionDays,
                store.createdAt,
                store.updatedAt);
    }

    public List<WalletView> wallets(Store store) {
        return store.wallets.stream()
                .sorted((a, b) -> a.protocol.compareTo(b.protocol))
                .map(w -> new WalletView(w.protocol.name(), w.address, w.xpub))
                .toList();
    }

    public List<String> acceptedAssets(Store store) {
        if (store.acceptedAssets == null) {
            return List.copyOf(assets.symbols());
        }
        return Arrays.asList(store.acceptedAssets.split(","));
    }
}
