package dev.confirma.chain;

import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.chain.evm.EvmAddress;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Every asset the server is configured to accept, on the enabled chains. */
@Singleton
public class AssetCatalog {


    private final List<Asset> assets;

    AssetCatalog(ChainsConfig config, Chains chains) {
        List<Asset> all = new ArrayList<>();
        for (Chain enabled : chains.enabled()) {
            Map.Entry<String, ChainsConfig.Chain> chain = Map.entry(enabled.protocol().configKey(),
                    config.chains().get(enabled.protocol().configKey()));
            Optional<Protocol> protocol = Optional.of(enabled.protocol());
            long chainId = enabled.chainId();
            Map<String, String> symbolByContract = new HashMap<>();
            for (Map.Entry<String, ChainsConfig.Asset> asset : chain.getValue().assets().entrySet()) {
                String key = "confirma.chains." + chain.getKey() + ".assets." + asset.getKey();
                ChainsConfig.Asset a = asset.getValue();
                if (a.decimals() < 0 || a.decimals() > 36) {
                    throw new IllegalStateException(key + ".decimals must be between 0 and 36");
                }
                Optional<String> contract = a.contract().map(c -> address(key + ".contract", c));
                Optional<String> tokenContract = a.tokenContract().map(c -> address(key + ".token-contract", c));
                if (contract.isPresent() && tokenContract.isPresent()) {
                    throw new IllegalStateException(key + ".token-contract is only for a native coin (an asset without contract)");
                }
                // one contract's Transfer logs can be one asset's payments only, or a payment would count twice
                for (String address : Stream.concat(contract.stream(), tokenContract.stream()).toList()) {
                    String other = symbolByContract.putIfAbsent(address.toLowerCase(Locale.ROOT), asset.getKey());
                    if (other != null) {
                        throw new IllegalStateException(key + ": contract " + address + " is already " + other
                                + "'s on confirma.chains." + chain.getKey());
                    }
                }
                String displayName = a.displayName().map(String::trim).filter(name -> !name.isEmpty()).orElse(asset.getKey());
                all.add(new Asset(protocol.get(), chainId, asset.getKey(), contract, a.decimals(), a.coingeckoId(), tokenContract,
                        displayName));
            }
        }
        all.sort(Comparator.comparing(Asset::protocol).thenComparing(Asset::symbol));
        this.assets = List.copyOf(all);
    }

    private static String address(String key, String value) {
        return EvmAddress.parse(value).orElseThrow(() -> new IllegalStateException(key + " is not a valid address: " + value));
    }

    public List<Asset> all() {
        return assets;
    }

    /** Distinct symbols across chains, in catalogue order (USDC appears once). */
    public Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>();
        assets.forEach(a -> symbols.add(a.symbol()));
        return symbols;
    }

    /** The configured spelling of a symbol given in any case ("cusd" is cUSD). */
    public Optional<String> canonicalSymbol(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String wanted = symbol.trim().toLowerCase(Locale.ROOT);
        return assets.stream().map(Asset::symbol).filter(s -> s.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Whether {@code code} names an accepted asset rather than a fiat currency. */
    public boolean isAsset(String code) {
        return assets.stream().anyMatch(a -> a.symbol().equals(code));
    }

    /** An asset by its stored names; empty for one this server no longer lists. */
    public Optional<Asset> find(AssetId id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Asset> find(Protocol protocol, String symbol) {
        return assets.stream().filter(a -> a.protocol().equals(protocol) && a.symbol().equals(symbol)).findFirst();
    }
}
