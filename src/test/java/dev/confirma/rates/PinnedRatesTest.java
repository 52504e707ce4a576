package dev.confirma.rates;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator's pins win over the market for their pairs; every other pair is priced as usual. */
@QuarkusTest
@TestProfile(PinnedRatesTest.Pins.class)
class PinnedRatesTest {

    public static class Pins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "confirma.rates.providers", "coingecko,coinbase,fixed",
                    "confirma.rates.fixed.\"USDC/USD\"", "1.00",
                    "confirma.rates.fixed.\"CELO/BRL\"", "3",
                    // the list form (CONFIRMA_RATES_PINS) merges with the keys above and wins for ETH/BRL
                    "confirma.rates.fixed.\"ETH/BRL\"", "9999",
                    "confirma.rates.pins", "ETH/BRL=17500,cUSD/BRL=5.40");
        }
    }

    @Inject
    MarketRates rates;

    @AfterEach
    void marketAsUsual() {
        RateStub.resetAll();
        rates.refresh();
    }

    @Test
    void shouldPriceFromPinsAndMarketTogether() {
        rates.refresh();
        MarketRate celoBrl = rates.fresh("CELO", "BRL").orElseThrow();
        assertEquals(0, new BigDecimal("3").compareTo(celoBrl.price()));
        assertEquals(List.of("fixed"), celoBrl.sources());
        assertEquals(List.of("coinbase", "coingecko"), rates.fresh("CELO", "USD").orElseThrow().sources());

        TestStore store = Fixtures.createStore(Map.of("name", "Pinned", "acceptedAssets", List.of("CELO"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.randomAddress()))));
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "BRL");
        body.put("orderTotal", "30");
        postCheckout(store, body).statusCode(200).body("quotes.amount", contains("10"));
    }

    @Test
    void shouldMergeThePinListWithPerPairKeysTheListWinning() {
        rates.refresh();
        assertEquals(0, new BigDecimal("17500").compareTo(rates.fresh("ETH", "BRL").orElseThrow().price()));
        assertEquals(0, new BigDecimal("5.40").compareTo(rates.fresh("cUSD", "BRL").orElseThrow().price()));
        assertEquals(List.of("fixed"), rates.fresh("cUSD", "BRL").orElseThrow().sources());
        assertEquals(0, new BigDecimal("3").compareTo(rates.fresh("CELO", "BRL").orElseThrow().price()));
    }

    @Test
    void shouldKeepAPinnedStablecoinWhenTheMarketDePegs() {
        RateStub.COINGECKO.answers(200, RateStub.COINGECKO_DEFAULT.replace("\"usd-coin\":{\"usd\":1.0,\"brl\":5.0", "\"usd-coin\":{\"usd\":0.8,\"brl\":4.0"));
        RateStub.COINBASE.answers(200, RateStub.COINBASE_DEFAULT.replace("\"USDC\":\"1.0\"", "\"USDC\":\"1.25\""));
        rates.refresh();
        MarketRate usdc = rates.fresh("USDC", "USD").orElseThrow();
        assertEquals(0, new BigDecimal("1.00").compareTo(usdc.price()));
        assertEquals(List.of("fixed"), usdc.sources());
        // unpinned pairs follow the market: USDC in BRL is CoinGecko's and Coinbase's 4.0
        assertEquals(0, new BigDecimal("4.0").compareTo(rates.fresh("USDC", "BRL").orElseThrow().price()));
        TestStore store = Fixtures.createStore();
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.find { it.protocol == 'ETHEREUM' && it.asset == 'USDC' }.amount", equalTo("12.5"));
    }
}
