package dev.confirma.rates.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.rates.Pair;
import dev.confirma.rates.config.RatesConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pins as a Docker user sets them: environment variables, read through SmallRye's own
 * environment source and the server's mapping. (The @QuarkusTest suite ignores the shell's
 * environment on purpose, so this test builds the configuration itself; docs/walkthrough.sh
 * runs the packaged server with CONFIRMA_RATES_PINS set.)
 */
class PinsFromEnvironmentTest {

    private static FixedRateProvider provider(Map<String, String> environment, Map<String, String> file) {
        Map<String, String> properties = new HashMap<>(file);
        properties.put("confirma.rates.coingecko.url", "http://127.0.0.1:1");
        properties.put("confirma.rates.coinbase.url", "http://127.0.0.1:1");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 260))
                .withMapping(RatesConfig.class)
                .build();
        return new FixedRateProvider(config.getConfigMapping(RatesConfig.class));
    }

    private static Optional<BigDecimal> pin(FixedRateProvider provider, String asset, String currency) {
        return provider.pinned(new Pair(asset, currency));
    }

    @Test
    void shouldReadPinsFromTheEnvironmentVariableList() {
        FixedRateProvider fixed = provider(Map.of("CONFIRMA_RATES_PINS", "CELO/BRL=2.75, cUSD/BRL=5.40,ETH/BRL=17500"), Map.of());
        assertEquals(Optional.of(new BigDecimal("2.75")), pin(fixed, "CELO", "BRL"));
        assertEquals(Optional.of(new BigDecimal("5.40")), pin(fixed, "cUSD", "BRL"));
        assertEquals(Optional.of(new BigDecimal("17500")), pin(fixed, "ETH", "BRL"));
        assertTrue(pin(fixed, "CELO", "USD").isEmpty());
    }

    @Test
    void shouldMergeTheListWithPerPairKeysAndLetTheListWin() {
        FixedRateProvider fixed = provider(Map.of("CONFIRMA_RATES_PINS", "CELO/BRL=2.75"),
                Map.of("confirma.rates.fixed.\"CELO/BRL\"", "3", "confirma.rates.fixed.\"USDC/USD\"", "1.00"));
        assertEquals(Optional.of(new BigDecimal("2.75")), pin(fixed, "CELO", "BRL"));
        assertEquals(Optional.of(new BigDecimal("1.00")), pin(fixed, "USDC", "USD"));
    }

    @Test
    void shouldRefuseToStartOnAMalformedPin() {
        for (String bad : new String[] {"CELO/BRL", "CELO=2.75", "CELO/BRL=0", "CELO/BRL=-1", "CELO/BRL=2.75BRL"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> provider(Map.of("CONFIRMA_RATES_PINS", bad), Map.of()), bad);
            assertTrue(refused.getMessage().startsWith("confirma.rates.pins: " + bad + " is not ASSET/CURRENCY=PRICE"),
                    refused.getMessage());
        }
    }
}
