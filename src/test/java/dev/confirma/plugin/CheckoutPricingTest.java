package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.CELO_WALLET;
import static dev.confirma.support.Fixtures.ETH_WALLET;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prices from the stub's defaults: 1 CELO = 0.5 USD, 1 ETH = 2000 USD, dollar stablecoins 1 USD, cEUR 1.25 USD, cREAL 0.2 USD
 * (Mento's only on CoinGecko).
 */
@QuarkusTest
class CheckoutPricingTest {

    @Inject
    MarketRates rates;

    @BeforeEach
    @AfterEach
    void defaultPrices() {
        RateStub.resetAll();
        rates.refresh();
    }

    @Test
    void shouldQuoteEveryAcceptedAssetWithAWallet() {
        TestStore store = Fixtures.createStore();
        String celoWallet = store.celoWallet();
        String ethWallet = store.ethWallet();
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.protocol", contains("CELO", "CELO", "CELO", "CELO", "CELO", "CELO", "ETHEREUM", "ETHEREUM", "ETHEREUM"))
                .body("quotes.asset", contains("CELO", "USDC", "USDT", "cEUR", "cREAL", "cUSD", "ETH", "USDC", "USDT"))
                .body("quotes[0].contract", nullValue())
                .body("quotes[0].decimals", equalTo(18))
                .body("quotes[0].address", equalTo(celoWallet))
                .body("quotes[0].amount", equalTo("25"))
                .body("quotes[0].amountBaseUnits", equalTo("25000000000000000000"))
                .body("quotes[0].paymentUri", equalTo("ethereum:" + celoWallet + "@42220?value=25000000000000000000"))
                .body("quotes[1].contract", equalTo(AnvilNodes.CELO.token("USDC")))
                .body("quotes[1].decimals", equalTo(6))
                .body("quotes[1].amount", equalTo("12.5"))
                .body("quotes[1].amountBaseUnits", equalTo("12500000"))
                .body("quotes[1].paymentUri", equalTo("ethereum:" + AnvilNodes.CELO.token("USDC") + "@42220/transfer?address="
                        + celoWallet + "&uint256=12500000"))
                .body("quotes[2].contract", equalTo(AnvilNodes.CELO.token("USDT")))
                .body("quotes[2].decimals", equalTo(6))
                .body("quotes[2].amountBaseUnits", equalTo("12500000"))
                // 12.50 USD at 1.25 USD per cEUR and 0.2 USD per cREAL
                .body("quotes[3].contract", equalTo(AnvilNodes.CELO.token("cEUR")))
                .body("quotes[3].decimals", equalTo(18))
                .body("quotes[3].amount", equalTo("10"))
                .body("quotes[4].contract", equalTo(AnvilNodes.CELO.token("cREAL")))
                .body("quotes[4].decimals", equalTo(18))
                .body("quotes[4].amountBaseUnits", equalTo("62500000000000000000"))
                .body("quotes[5].contract", equalTo(AnvilNodes.CELO.token("cUSD")))
                .body("quotes[5].amountBaseUnits", equalTo("12500000000000000000"))
                .body("quotes[6].address", equalTo(ethWallet))
                .body("quotes[6].amount", equalTo("0.00625"))
                .body("quotes[6].amountBaseUnits", equalTo("6250000000000000"))
                .body("quotes[6].paymentUri", equalTo("ethereum:" + ethWallet + "@1?value=6250000000000000"))
                .body("quotes[7].paymentUri", equalTo("ethereum:" + AnvilNodes.ETHEREUM.token("USDC") + "@1/transfer?address="
                        + ethWallet + "&uint256=12500000"))
                .body("quotes[8].contract", equalTo(AnvilNodes.ETHEREUM.token("USDT")))
                .body("marketRates.CELO", equalTo("2"))
                .body("marketRates.ETH", equalTo("0.0005"))
                .body("marketRates.USDC", equalTo("1"))
                .body("marketRates.cUSD", equalTo("1"))
                .body("marketRates.cEUR", equalTo("0.8"))
                .body("marketRates.cREAL", equalTo("5"))
                .body("marketRates.USDT", equalTo("1"));
    }

    @Test
    void shouldApplyStoreMarkupAndDiscount() {
        TestStore store = Fixtures.createStore(Map.of("name", "Marked up", "markupPercentage", 2, "discountPercentage", "0.5",
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.randomAddress()))));
        // 12.50 × 1.02 × 0.995 = 12.68625 USD = 25.3725 CELO
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.find { it.asset == 'CELO' }.amountBaseUnits", equalTo("25372500000000000000"))
                .body("quotes.find { it.asset == 'USDC' }.amountBaseUnits", equalTo("12686250"));
    }

    @Test
    void shouldPriceAnOrderInACryptoAsset() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        body.put("orderCurrency", "ETH");
        body.put("orderTotal", "0.01");
        // 0.01 ETH = 20 USD = 40 CELO = 20 USDC; ETH itself one for one
        postCheckout(store, body).statusCode(200)
                .body("quotes.find { it.asset == 'CELO' }.amount", equalTo("40"))
                .body("quotes.find { it.asset == 'ETH' }.amountBaseUnits", equalTo("10000000000000000"))
                .body("quotes.find { it.protocol == 'ETHEREUM' && it.asset == 'USDC' }.amountBaseUnits", equalTo("20000000"))
                .body("marketRates.ETH", equalTo("1"))
                .body("marketRates.CELO", equalTo("4000"));
    }

    @Test
    void shouldPriceBrlAndEurOrders() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> brl = checkout(store);
        brl.put("orderCurrency", "BRL");
        brl.put("orderTotal", "49.90");
        // 1 CELO = 2.5 BRL: 19.96 CELO; 1 ETH = 10000 BRL: 0.00499 ETH
        postCheckout(store, brl).statusCode(200)
                .body("quotes.find { it.asset == 'CELO' }.amount", equalTo("19.96"))
                .body("quotes.find { it.asset == 'ETH' }.amount", equalTo("0.00499"))
                .body("marketRates.CELO", equalTo("0.4"));
        Map<String, Object> eur = checkout(store);
        eur.put("orderCurrency", "EUR");
        eur.put("orderTotal", "10");
        // 1 USDT = 0.9 EUR: 11.111111… USDT, rounded up to 11.111112
        postCheckout(store, eur).statusCode(200)
                .body("quotes.find { it.asset == 'USDT' }.amount", equalTo("11.111112"));
    }

    @Test
    void shouldOfferOnlyAcceptedAssetsOnChainsWithAWallet() {
        TestStore store = Fixtures.createStore(Map.of("name", "cUSD shop", "acceptedAssets", List.of("cUSD", "ETH"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.randomAddress()))));
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.asset", contains("cUSD"))
                .body("marketRates.keySet()", contains("cUSD"));
    }

    @Test
    void shouldRefuseCheckoutForAStoreThatCannotBePaid() {
        TestStore noWallet = Fixtures.createStore(Map.of("name", "No wallet"));
        TestStore wrongChain = Fixtures.createStore(Map.of("name", "ETH only, Celo wallet", "acceptedAssets", List.of("ETH"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", CELO_WALLET))));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        postCheckout(noWallet, checkout(noWallet)).statusCode(400)
                .body("error.code", equalTo("no_payment_option"))
                .body("message", equalTo("No payment option for this store: chains enabled on this server: CELO, ETHEREUM;"
                        + " the store has no wallet (add a wallet for CELO or ETHEREUM with"
                        + " PATCH /admin/stores/" + noWallet.id() + ")"));
        postCheckout(wrongChain, checkout(wrongChain)).statusCode(400)
                .body("error.code", equalTo("no_payment_option"))
                .body("message", equalTo("No payment option for this store: the store's acceptedAssets (ETH) are offered on"
                        + " none of the enabled chains it has wallets for (CELO: CELO, USDC, USDT, cEUR, cREAL, cUSD)"));
        before.assertUnchanged();
    }

    @Test
    void shouldLockQuotesWhenRatesMove() {
        TestStore store = Fixtures.createStore();
        String id = postCheckout(store, checkout(store)).statusCode(200).extract().path("id");
        RateStub.COINGECKO.answers(200, RateStub.COINGECKO_DEFAULT.replace("\"usd\":0.5", "\"usd\":1.0"));
        RateStub.COINBASE.answers(200, RateStub.COINBASE_DEFAULT.replace("\"CELO\":\"2.0\"", "\"CELO\":\"1.0\""));
        rates.refresh();

        store.asPlugin().get("/plugins/orders/" + id).then()
                .body("quotes.find { it.asset == 'CELO' }.amount", equalTo("25"))
                .body("marketRates.CELO", equalTo("2"));
        postCheckout(store, checkout(store)).statusCode(200)
                .body("quotes.find { it.asset == 'CELO' }.amount", equalTo("12.5"));
    }
}
