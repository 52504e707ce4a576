package dev.confirma.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

/**
 * How many units of an asset 1 unit of the order currency buys, kept as an exact fraction
 * so that the amount due is rounded once, at the end, and only up.
 */
public record UnitsPerOrderCurrency(String asset, BigDecimal numerator, BigDecimal denominator, List<String> sources,
                                    Instant fetchedAt) {

    /** The same asset as the order currency: one for one, no market involved. */
    static UnitsPerOrderCurrency identity(String asset, Instant at) {
        return new UnitsPerOrderCurrency(asset, BigDecimal.ONE, BigDecimal.ONE, List.of(), at);
    }

    /** For display and the order's marketRates snapshot (34 significant digits). */
    public BigDecimal value() {
        return numerator.divide(denominator, MathContext.DECIMAL128);
    }
}
