package dev.confirma.chain;

import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.chain.evm.EvmAddress;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Every asset the server is configured to accept, on the enabled chains. */
@Singleton
public class AssetCatalog {

    private static final Logger LOG = Logger.getLogger(AssetCatalog.class);

    private final List<Asset> assets;

    AssetCatalog(ChainsConfig config) {
        List<Asset> all = new ArrayList<>();
        for (Map.Entry<String, ChainsConfig.Chain> chain : config.chains().entrySet()) {
            Optional<Protocol> protocol = Protocol.fromConfigKey(chain.getKey());
            if (protocol.isEmpty()) {
                LOG.warnf("confirma.chains.%s is not a chain this version supports (celo, ethereum); ignored", chain.getKey());
                continue;
            }
            if (!chain.getValue().enabled()) {
                continue;
            }
            long chainId = chain.getValue().chainId().orElseThrow(() ->
                    new IllegalStateException("confirma.chains." + chain.getKey() + ".chain-id is required"));
            for (Map.Entry<String, ChainsConfig.Asset> asset : chain.getValue().assets().entrySet()) {
                ChainsConfig.Asset a = asset.getValue();
                if (a.decimals() < 0 || a.decimals() > 36) {
                    throw new IllegalStateException("confirma.chains." + chain.getKey() + ".assets." + asset.getKey()
                            + ".decimals must be between 0 and 36");
                }
                Optional<String> contract = a.contract().map(c -> EvmAddress.parse(c).orElseThrow(() ->
                        new IllegalStateException("confirma.chains." + chain.getKey() + ".assets." + asset.getKey()
                                + ".contract is not a valid address: " + c)));
                all.add(new Asset(protocol.get(), chainId, asset.getKey(), contract, a.decimals(), a.coingeckoId()));
            }
        }
        all.sort(Comparator.comparing((Asset a) -> a.protocol().ordinal()).thenComparing(Asset::symbol));
        this.assets = List.copyOf(all);
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

    public Optional<Asset> find(Protocol protocol, String symbol) {
        return assets.stream().filter(a -> a.protocol() == protocol && a.symbol().equals(symbol)).findFirst();
    }
}
