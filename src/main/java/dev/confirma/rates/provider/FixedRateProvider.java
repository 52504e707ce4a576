package dev.confirma.rates.provider;

import dev.confirma.chain.Asset;
import dev.confirma.rates.Pair;
import dev.confirma.rates.config.RatesConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Prices the operator pinned, in either of two forms that merge: one key per pair,
 * {@code confirma.rates.fixed."ASSET/CURRENCY"}, and one list, {@code confirma.rates.pins}
 * ({@code CELO/BRL=2.75,cUSD/BRL=5.40}), which is the form an environment variable can carry
 * ({@code CONFIRMA_RATES_PINS}: a quoted key with a slash has no environment spelling). For a
 * pair set both ways, {@code pins} wins, as an environment variable wins over a file.
 */
@Singleton
@Startup // a malformed pin stops the server at start, not at the first refresh
public class FixedRateProvider implements RateProvider {

    private static final Logger LOG = Logger.getLogger(FixedRateProvider.class);
    private static final Pattern PIN = Pattern.compile("([A-Za-z0-9]+/[A-Za-z0-9]+)=([0-9]+(?:\\.[0-9]+)?)");

    private final Map<String, BigDecimal> pins;

    FixedRateProvider(RatesConfig config) {
        Map<String, BigDecimal> merged = new LinkedHashMap<>();
        config.fixed().forEach((pair, price) -> merged.put(pair.replace("\"", ""), price));
        for (String entry : config.pins().orElse(List.of())) {
            Matcher pin = PIN.matcher(entry.trim());
            if (!pin.matches() || new BigDecimal(pin.group(2)).signum() <= 0) {
                throw new IllegalStateException("confirma.rates.pins: " + entry.trim()
                        + " is not ASSET/CURRENCY=PRICE with a price above 0 (for example CELO/BRL=2.75)");
            }
            BigDecimal price = new BigDecimal(pin.group(2));
            BigDecimal replaced = merged.put(pin.group(1), price);
            if (replaced != null && replaced.compareTo(price) != 0) {
                LOG.warnf("%s is pinned at %s by confirma.rates.pins and at %s by confirma.rates.fixed; %s is used",
                        pin.group(1), price.toPlainString(), replaced.toPlainString(), price.toPlainString());
            }
        }
        this.pins = Map.copyOf(merged);
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
        return Optional.ofNullable(pins.get(pair.toString())).filter(p -> p.signum() > 0);
    }
}
