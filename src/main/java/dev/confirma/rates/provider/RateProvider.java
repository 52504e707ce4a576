package dev.confirma.rates.provider;

import dev.confirma.chain.Asset;
import dev.confirma.rates.Pair;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** One source of market prices. An answer may lack pairs; a failure throws {@link RateProviderException}. */
public interface RateProvider {

    /** The name used in configuration ({@code confirma.rates.providers}) and in a rate's sources. */
    String name();

    /** Prices of each asset in each currency, fetched in as few requests as the provider allows. */
    Map<Pair, BigDecimal> prices(Collection<Asset> assets, Set<String> currencies);
}
