package dev.confirma.rates.provider;

import dev.confirma.chain.Asset;
import dev.confirma.rates.Pair;
import dev.confirma.rates.config.RatesConfig;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prices the operator pinned in {@code confirma.rates.fixed."ASSET/CURRENCY"}. */
@Singleton
public class FixedRateProvider implements RateProvider {

    private final RatesConfig config;

    FixedRateProvider(RatesConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public Map<Pair, BigDecimal> prices(Collection<Asset> assets, Set<String> currencies) {
        Map<Pair, BigDecimal> prices = new HashMap<>();
        for (Asset asset : assets) {
            for (String currency : currencies) {
                Pair pair = new Pair(asset.symbol(), currency);
                pinned(pair).ifPresent(price -> prices.put(pair, price));
            }
        }
        return prices;
    }

    /** The operator's pin for a pair, which wins over every market answer. */
    public Optional<BigDecimal> pinned(Pair pair) {
        BigDecimal price = config.fixed().get(pair.toString());
        if (price == null) {
            price = config.fixed().get("\"" + pair + "\"");
        }
        return Optional.ofNullable(price).filter(p -> p.signum() > 0);
    }
}
