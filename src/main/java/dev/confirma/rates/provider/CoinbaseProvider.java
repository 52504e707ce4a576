package dev.confirma.rates.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.chain.Asset;
import dev.confirma.rates.Pair;
import dev.confirma.rates.config.RatesConfig;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coinbase's {@code /v2/exchange-rates?currency=USD}: units of every currency and coin per
 * 1 USD, as strings, in one request. A price is the ratio of two of them:
 * 1 CELO in BRL = rates[BRL] / rates[CELO].
 */
@Singleton
public class CoinbaseProvider implements RateProvider {

    static final String BASE = "USD";

    @Path("/v2/exchange-rates")
    public interface Api {
        @GET
        Response rates(@QueryParam("currency") String currency);
    }

    private final ProviderHttp http;
    private final RatesConfig config;

    CoinbaseProvider(ProviderHttp http, RatesConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public String name() {
        return "coinbase";
    }

    @Override
    public Map<Pair, BigDecimal> prices(Collection<Asset> assets, Set<String> currencies) {
        Api api = http.client(Api.class, config.coinbase().url());
        JsonNode answer = http.fetch(name(), () -> api.rates(BASE));
        JsonNode rates = answer.path("data").path("rates");
        if (!rates.isObject() || !BASE.equals(answer.path("data").path("currency").asText())) {
            throw new RateProviderException(name() + " answered without data.rates for " + BASE);
        }
        Map<Pair, BigDecimal> prices = new HashMap<>();
        for (Asset asset : assets) {
            String symbol = asset.symbol().toUpperCase(Locale.ROOT);
            BigDecimal perBase = ProviderHttp.price(name(), rates.get(symbol), symbol + "/" + BASE);
            if (perBase == null) {
                continue; // Coinbase does not list every coin (cUSD, for one)
            }
            for (String currency : currencies) {
                BigDecimal currencyPerBase = BASE.equals(currency) ? BigDecimal.ONE
                        : ProviderHttp.price(name(), rates.get(currency.toUpperCase(Locale.ROOT)), currency + "/" + BASE);
                if (currencyPerBase != null) {
                    prices.put(new Pair(asset.symbol(), currency), currencyPerBase.divide(perBase, MathContext.DECIMAL128));
                }
            }
        }
        return prices;
    }
}
