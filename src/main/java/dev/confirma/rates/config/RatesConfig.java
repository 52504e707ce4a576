package dev.confirma.rates.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where market rates come from and how fresh they must be, under {@code confirma.rates.*}. */
@ConfigMapping(prefix = "confirma.rates")
public interface RatesConfig {

    /** Providers asked at every refresh: {@code coingecko}, {@code coinbase}, {@code fixed}. */
    @WithDefault("coingecko,coinbase")
    List<String> providers();

    /** How often rates are fetched. */
    @WithDefault("PT1M")
    Duration refreshInterval();

    /** A rate older than this is never used to price an order. */
    @WithDefault("PT5M")
    Duration maxAge();

    /** A provider further than this from the median of all answers is left out of that rate. */
    @WithDefault("3")
    BigDecimal maxDeviationPercent();

    /** Connect and read timeout for each provider request. */
    @WithDefault("PT5S")
    Duration timeout();

    /** Order currencies fetched at every refresh; others are added when a checkout first asks for them. */
    @WithDefault("USD,EUR,BRL")
    List<String> currencies();

    Provider coingecko();

    Provider coinbase();

    /** Pinned prices: {@code confirma.rates.fixed."CELO/USD"=0.5} is the price of 1 CELO in USD. */
    @WithName("fixed")
    Map<String, BigDecimal> fixed();

    /**
     * Pinned prices as one list, the form environment variables can carry
     * ({@code CONFIRMA_RATES_PINS=CELO/BRL=2.75,cUSD/BRL=5.40}); merged with {@link #fixed()},
     * and winning over it for a pair set both ways.
     */
    Optional<List<String>> pins();

    interface Provider {
        /** Base URL of the provider's public API. */
        String url();
    }
}
