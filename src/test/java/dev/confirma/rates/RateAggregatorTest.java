package dev.confirma.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateAggregatorTest {

    private static final Pair PAIR = new Pair("CELO", "USD");
    private static final BigDecimal THREE_PERCENT = new BigDecimal("3");

    private static Optional<MarketRate> combine(Map<String, String> answers) {
        Map<String, BigDecimal> prices = new java.util.HashMap<>();
        answers.forEach((k, v) -> prices.put(k, new BigDecimal(v)));
        return RateAggregator.combine(PAIR, prices, THREE_PERCENT, Instant.EPOCH);
    }

    @Test
    void shouldUseTheOnlyAnswer() {
        MarketRate rate = combine(Map.of("coingecko", "0.51")).orElseThrow();
        assertEquals(new BigDecimal("0.51"), rate.price());
        assertEquals(List.of("coingecko"), rate.sources());
    }

    @Test
    void shouldTakeTheExactMeanOfTwoAgreeingAnswers() {
        MarketRate rate = combine(Map.of("coingecko", "0.50", "coinbase", "0.51")).orElseThrow();
        assertEquals(0, new BigDecimal("0.505").compareTo(rate.price()));
        assertEquals(List.of("coinbase", "coingecko"), rate.sources());
    }

    @Test
    void shouldLeaveOutTheProviderFarFromTheMedian() {
        MarketRate rate = combine(Map.of("a", "1.00", "b", "1.01", "c", "1.30")).orElseThrow();
        assertEquals(0, new BigDecimal("1.005").compareTo(rate.price()));
        assertEquals(List.of("a", "b"), rate.sources());
    }

    @Test
    void shouldRefuseToGuessWhenTwoProvidersDisagree() {
        // USDC at 1.00 and at 0.90: which one is de-pegged cannot be told from two answers
        assertTrue(combine(Map.of("coingecko", "1.00", "coinbase", "0.90")).isEmpty());
    }

    @Test
    void shouldHoldTwoProvidersToTheLimitBetweenThemNotFromTheirMean() {
        // 1.00 and 0.945 are 2.9 % from their mean but 5.8 % apart: a de-peg is not averaged through
        assertTrue(combine(Map.of("coingecko", "1.00", "coinbase", "0.945")).isEmpty());
        assertEquals(0, new BigDecimal("0.99").compareTo(combine(Map.of("coingecko", "1.00", "coinbase", "0.98")).orElseThrow().price()));
    }

    @Test
    void shouldComputeMedianOfOddAndEvenCounts() {
        assertEquals(new BigDecimal("2"), RateAggregator.median(List.of(new BigDecimal("3"), new BigDecimal("1"), new BigDecimal("2"))));
        assertEquals(0, new BigDecimal("2.5").compareTo(RateAggregator.median(
                List.of(new BigDecimal("4"), new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3")))));
    }
}
