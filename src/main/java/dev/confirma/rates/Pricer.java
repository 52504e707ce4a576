package dev.confirma.rates;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an order total into exact amounts due in each payable asset, at fresh market rates,
 * with the store's markup and discount, rounded up to the asset's smallest unit.
 */
@Singleton
public class Pricer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final String PIVOT = "USD";

    private final MarketRates rates;
    private final AssetCatalog catalog;
    private final Clock clock;

    Pricer(MarketRates rates, AssetCatalog catalog, Clock clock) {
        this.rates = rates;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An asset the store can be paid in: accepted by it, with a wallet on the asset's chain. */
    public record Payable(Asset asset, String address) {
    }

    public record Pricing(List<Quote> quotes, Map<String, UnitsPerOrderCurrency> marketRates) {
    }

    public Pricing price(BigDecimal orderTotal, String orderCurrency, BigDecimal markupPercent, BigDecimal discountPercent,
                         List<Payable> payables) {
        if (payables.isEmpty()) {
            throw new IllegalArgumentException("nothing to price: the caller explains a store that cannot be paid");
        }
        BigDecimal adjusted = adjustedTotal(orderTotal, markupPercent, discountPercent);
        List<Quote> quotes = new ArrayList<>();
        Map<String, UnitsPerOrderCurrency> snapshot = new LinkedHashMap<>();
        for (Payable payable : payables) {
            String symbol = payable.asset().symbol();
            Optional<UnitsPerOrderCurrency> units = Optional.ofNullable(snapshot.get(symbol)).or(() -> unitsPer(symbol, orderCurrency));
            if (units.isEmpty()) {
                continue; // no fresh rate for this asset: it is not offered, the others still are
            }
            snapshot.put(symbol, units.get());
            quotes.add(new Quote(payable.asset(), payable.address(), amountDue(adjusted, units.get(), payable.asset().decimals())));
        }
        if (quotes.isEmpty()) {
            throw unpriceable(orderCurrency);
        }
        return new Pricing(quotes, snapshot);
    }

    /** orderTotal × (1 + markup %) × (1 − discount %), exactly. */
    static BigDecimal adjustedTotal(BigDecimal total, BigDecimal markupPercent, BigDecimal discountPercent) {
        BigDecimal markup = BigDecimal.ONE.add(markupPercent.divide(HUNDRED));
        BigDecimal discount = BigDecimal.ONE.subtract(discountPercent.divide(HUNDRED));
        return total.multiply(markup).multiply(discount);
    }

    /** The amount in base units: one exact division, rounded up so the merchant is never short. */
    static BigInteger amountDue(BigDecimal adjustedTotal, UnitsPerOrderCurrency units, int decimals) {
        return adjustedTotal.multiply(units.numerator())
                .divide(units.denominator(), decimals, RoundingMode.CEILING)
                .movePointRight(decimals)
                .toBigIntegerExact();
    }

    /** Units of {@code asset} per 1 {@code orderCurrency}: via the fiat rate, or via USD for a crypto order currency. */
    private Optional<UnitsPerOrderCurrency> unitsPer(String asset, String orderCurrency) {
        if (asset.equals(orderCurrency)) {
            return Optional.of(UnitsPerOrderCurrency.identity(asset, clock.instant()));
        }
        if (!catalog.isAsset(orderCurrency)) {
            return rates.fresh(asset, orderCurrency).map(rate ->
                    new UnitsPerOrderCurrency(asset, BigDecimal.ONE, rate.price(), rate.sources(), rate.fetchedAt()));
        }
        Optional<MarketRate> orderAsset = rates.fresh(orderCurrency, PIVOT);
        Optional<MarketRate> paidAsset = rates.fresh(asset, PIVOT);
        if (orderAsset.isEmpty() || paidAsset.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = new ArrayList<>(orderAsset.get().sources());
        paidAsset.get().sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        Instant older = orderAsset.get().fetchedAt().isBefore(paidAsset.get().fetchedAt())
                ? orderAsset.get().fetchedAt() : paidAsset.get().fetchedAt();
        return Optional.of(new UnitsPerOrderCurrency(asset, orderAsset.get().price(), paidAsset.get().price(), sources, older));
    }

    private RuntimeException unpriceable(String orderCurrency) {
        if (!catalog.isAsset(orderCurrency) && rates.providersAnswered() && !rates.isQuoted(orderCurrency)) {
            return new UnpricedCurrencyException(orderCurrency);
        }
        return new RatesUnavailableException(orderCurrency);
    }
}
