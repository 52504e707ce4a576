package dev.confirma.rates;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.LogCapture;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class MarketRatesTest {

    @Inject
    MarketRates rates;

    private TestStore store;

    @BeforeEach
    void freshRates() {
        RateStub.resetAll();
        assertEquals(2, rates.refresh());
        RateStub.resetAll(); // forget the requests of that refresh
        store = Fixtures.createStore();
    }

    @AfterEach
    void restoreProviders() {
        RateStub.resetAll();
        rates.refresh();
    }

    private static BigDecimal price(MarketRates rates, String asset, String currency) {
        return rates.fresh(asset, currency).orElseThrow().price();
    }

    @Test
    void shouldReadBothFormatsAndCombineThem() {
        assertEquals(0, new BigDecimal("0.5").compareTo(price(rates, "CELO", "USD")));
        assertEquals(0, new BigDecimal("2.5").compareTo(price(rates, "CELO", "BRL")));
        assertEquals(0, new BigDecimal("1800").compareTo(price(rates, "ETH", "EUR")));
        assertEquals(java.util.List.of("coinbase", "coingecko"), rates.fresh("ETH", "USD").orElseThrow().sources());
        // Coinbase does not list cUSD: that rate is CoinGecko's alone
        assertEquals(java.util.List.of("coingecko"), rates.fresh("cUSD", "BRL").orElseThrow().sources());
    }

    @Test
    void shouldAskEachProviderOnceForEveryAssetAndCurrency() {
        rates.refresh();
        assertEquals(1, RateStub.COINGECKO.requests().size());
        assertEquals(1, RateStub.COINBASE.requests().size());
        URI coingecko = RateStub.COINGECKO.requests().get(0);
        assertTrue(coingecko.getQuery().contains("ids=celo,celo-dollar,celo-euro,celo-real-creal,ethereum,tether,usd-coin"), coingecko.toString());
        assertTrue(coingecko.getQuery().contains("vs_currencies=brl,eur,usd"), coingecko.toString());
        assertEquals("currency=USD", RateStub.COINBASE.requests().get(0).getQuery());
    }

    @Test
    void shouldFetchANewCurrencyOnFirstCheckoutInIt() {
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "JPY");
        body.put("orderTotal", "1500");
        // CoinGecko's stub has no JPY; Coinbase has 150 JPY per USD: 1 CELO = 75 JPY, 1500 JPY = 20 CELO
        postCheckout(store, body).statusCode(200)
                .body("quotes.find { it.asset == 'CELO' }.amount", equalTo("20"))
                .body("marketRates.CELO", equalTo("0.013333333333333333333333333333"));
        assertTrue(rates.currencies().contains("JPY"));
    }

    static Stream<Arguments> providerFaults() {
        return Stream.of(
                fault("is down", e -> e.dropsConnection(), "did not answer"),
                fault("is slower than the timeout", e -> e.hangs(), "did not answer"),
                fault("rate-limits", e -> e.answers(429, "{\"status\":{\"error_code\":429}}"), "answered HTTP 429"),
                fault("fails", e -> e.answers(503, "<html>Service Unavailable</html>"), "answered HTTP 503"),
                fault("answers garbage", e -> e.answers(200, "{\"celo\": {\"usd\": 0.5"), "answered with unreadable JSON"),
                fault("answers a zero price", e -> e.answers(200, RateStub.COINGECKO_DEFAULT.replace("\"usd\":0.5", "\"usd\":0")),
                        "gave a zero or negative price for CELO/USD"),
                fault("answers a price no market has", e -> e.answers(200, RateStub.COINGECKO_DEFAULT.replace("\"usd\":0.5", "\"usd\":1e-999999999")),
                        "gave an unusable price for CELO/USD"),
                fault("answers a negative price", e -> e.answers(200, RateStub.COINGECKO_DEFAULT.replace("\"usd\":2000", "\"usd\":-2000")),
                        "gave a zero or negative price for ETH/USD"));
    }

    private static Arguments fault(String name, Consumer<RateStub.Endpoint> fault, String logged) {
        return Arguments.of(name, fault, logged);
    }

    @ParameterizedTest(name = "CoinGecko {0}")
    @MethodSource("providerFaults")
    void shouldLogFailingProviderAndPriceFromTheOther(String name, Consumer<RateStub.Endpoint> fault, String logged) {
        fault.accept(RateStub.COINGECKO);
        try (LogCapture log = LogCapture.of(MarketRates.class)) {
            assertEquals(1, rates.refresh());
            assertTrue(log.contains("Rate provider coingecko failed, its prices are not used: coingecko " + logged), log.messages().toString());
        }
        assertEquals(java.util.List.of("coinbase"), rates.fresh("CELO", "USD").orElseThrow().sources());

        // once CoinGecko's last good answer is older than max-age, nothing is priced from it
        TestClockProducer.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "BRL");
        postCheckout(store, body).statusCode(200)
                .body("quotes.asset", not(hasItem("cUSD"))) // only CoinGecko prices cUSD, and it is still failing
                .body("quotes.asset", hasItem("CELO"));
        store.asPlugin().get("/v1/rates").then().statusCode(200)
                .body("providers.find { it.name == 'coingecko' }.lastError", containsString(logged));
    }

    @Test
    void shouldWarnWhenAProviderLacksACurrency() {
        RateStub.COINGECKO.answers(200, RateStub.COINGECKO_DEFAULT.replaceAll(",\"brl\":[0-9.]+", ""));
        try (LogCapture log = LogCapture.of(MarketRates.class)) {
            rates.refresh();
            assertTrue(log.contains("Rate provider coingecko has no price for [CELO/BRL"), log.messages().toString());
        }
        assertEquals(java.util.List.of("coinbase"), rates.fresh("CELO", "BRL").orElseThrow().sources());
    }

    @Test
    void shouldNotPriceAnAssetWhenProvidersDisagree() {
        // Coinbase says USDC is at 0.90 USD, CoinGecko at 1.00: no rate for USDC, the other assets still priced
        RateStub.COINBASE.answers(200, RateStub.COINBASE_DEFAULT.replace("\"USDC\":\"1.0\"", "\"USDC\":\"1.1111111111\""));
        try (LogCapture log = LogCapture.of(MarketRates.class)) {
            rates.refresh();
            assertTrue(log.contains("No rate for USDC/USD: providers disagree beyond 3%"), log.messages().toString());
        }
        // the USDC rate both agreed on a minute ago is not used either
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.asset", not(hasItem("USDC")))
                .body("quotes.asset", hasItem("ETH"));
    }

    @Test
    void shouldRefuseCheckoutWhenEveryRateIsStale() {
        RateStub.COINGECKO.answers(500, "{}");
        RateStub.COINBASE.dropsConnection();
        TestClockProducer.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "BRL");
        postCheckout(store, body).statusCode(503)
                .body("message", equalTo("market rates unavailable for BRL"))
                .body("error.code", equalTo("rates_unavailable"));
        before.assertUnchanged();
        store.asPlugin().get("/v1/rates").then().body("rates.find { it.asset == 'CELO' && it.currency == 'BRL' }.fresh", equalTo(false));
    }

    @Test
    void shouldStillReturnAnExistingOrderWhileRatesAreStale() {
        Map<String, Object> body = checkout(store);
        String id = postCheckout(store, body).statusCode(200).extract().path("id");
        RateStub.COINGECKO.answers(500, "{}");
        RateStub.COINBASE.answers(500, "{}");
        TestClockProducer.clock().advance(Duration.ofMinutes(6));
        postCheckout(store, body).statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldAnswer400ForACurrencyNoProviderQuotes() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "XOF");
        postCheckout(store, body).statusCode(400)
                .body("message", equalTo("orderCurrency XOF is not quoted by any rate provider"))
                .body("error.field", equalTo("orderCurrency"));
        before.assertUnchanged();
        assertTrue(!rates.currencies().contains("XOF"), "a refused currency is not fetched from now on");
    }

    @Test
    void shouldShowRatesWithAgeAndSources() {
        TestClockProducer.clock().advance(Duration.ofSeconds(42));
        store.asPlugin().get("/v1/rates").then().statusCode(200)
                .body("maxAgeSeconds", equalTo(300))
                .body("currencies", hasItem("BRL"))
                .body("rates.find { it.asset == 'ETH' && it.currency == 'USD' }.price", equalTo("2000"))
                .body("rates.find { it.asset == 'ETH' && it.currency == 'USD' }.ageSeconds", equalTo(42))
                .body("rates.find { it.asset == 'ETH' && it.currency == 'USD' }.fresh", equalTo(true))
                .body("rates.find { it.asset == 'ETH' && it.currency == 'USD' }.sources", contains("coinbase", "coingecko"))
                .body("providers.name", containsInAnyOrder("coingecko", "coinbase"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + store.apiKey()).get("/v1/rates").then().statusCode(200);
        io.restassured.RestAssured.given().get("/v1/rates").then().statusCode(401);
    }
}
