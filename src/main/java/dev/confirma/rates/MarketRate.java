package dev.confirma.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The price of 1 {@code pair.asset()} in {@code pair.currency()}, when it was fetched, and which providers made it. */
public record MarketRate(Pair pair, BigDecimal price, List<String> sources, Instant fetchedAt) {
}
