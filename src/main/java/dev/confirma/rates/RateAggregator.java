package dev.confirma.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Combines providers' answers for one pair: the median, after leaving out any provider
 * further than the allowed deviation from the median of all answers. When the answers
 * that agree are not a majority, there is no rate: a disagreement is never guessed through.
 */
public final class RateAggregator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RateAggregator() {
    }

    /** {@code answers}: provider name → price. */
    public static Optional<MarketRate> combine(Pair pair, Map<String, BigDecimal> answers, BigDecimal maxDeviationPercent,
                                               Instant fetchedAt) {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        if (answers.size() == 2) {
            return pairOfAnswers(pair, answers, maxDeviationPercent, fetchedAt);
        }
        BigDecimal median = median(List.copyOf(answers.values()));
        Map<String, BigDecimal> agreeing = new TreeMap<>();
        answers.forEach((provider, price) -> {
            if (deviationPercent(price, median).compareTo(maxDeviationPercent) <= 0) {
                agreeing.put(provider, price);
            }
        });
        if (agreeing.size() * 2 <= answers.size()) {
            return Optional.empty();
        }
        return Optional.of(new MarketRate(pair, median(List.copyOf(agreeing.values())), List.copyOf(agreeing.keySet()), fetchedAt));
    }

    /**
     * Two answers have no majority: measured from their mean, each would be allowed twice the
     * spread. They must agree with each other within the limit, or there is no rate.
     */
    private static Optional<MarketRate> pairOfAnswers(Pair pair, Map<String, BigDecimal> answers, BigDecimal maxDeviationPercent,
                                                      Instant fetchedAt) {
        List<BigDecimal> prices = List.copyOf(answers.values());
        BigDecimal lower = prices.get(0).min(prices.get(1));
        if (deviationPercent(prices.get(0).max(prices.get(1)), lower).compareTo(maxDeviationPercent) > 0) {
            return Optional.empty();
        }
        return Optional.of(new MarketRate(pair, median(prices), List.copyOf(new TreeMap<>(answers).keySet()), fetchedAt));
    }

    /** Providers whose answer was left out of the rate, for the log. */
    public static List<String> outliers(Map<String, BigDecimal> answers, MarketRate rate) {
        List<String> left = new ArrayList<>(answers.keySet());
        left.removeAll(rate.sources());
        return left;
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        // the mean of two decimals is exact: halving never needs more than one more digit
        return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
    }

    static BigDecimal deviationPercent(BigDecimal price, BigDecimal median) {
        return price.subtract(median).abs().multiply(HUNDRED).divide(median, MathContext.DECIMAL64);
    }
}
