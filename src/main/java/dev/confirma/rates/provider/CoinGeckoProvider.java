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
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CoinGecko's {@code /api/v3/simple/price?ids=…&vs_currencies=…}: every asset in every
 * currency in one request, prices as JSON numbers ({@code {"celo":{"usd":0.51}}}).
 */
@Singleton
public class CoinGeckoProvider implements RateProvider {

    @Path("/api/v3/simple/price")
    public interface Api {
        @GET
        Response price(@QueryParam("ids") String ids, @QueryParam("vs_currencies") String vsCurrencies);
    }

    private final ProviderHttp http;
    private final RatesConfig config;

    CoinGeckoProvider(ProviderHttp http, RatesConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public String name() {
        return "coingecko";
    }

    @Override
    public Map<Pair, BigDecimal> prices(Collection<Asset> assets, Set<String> currencies) {
        Map<String, String> symbolById = new HashMap<>();
        assets.forEach(a -> a.coingeckoId().ifPresent(id -> symbolById.putIfAbsent(id, a.symbol())));
        Map<Pair, BigDecimal> prices = new HashMap<>();
        if (symbolById.isEmpty() || currencies.isEmpty()) {
            return prices;
        }
        Set<String> vs = new TreeSet<>();
        currencies.forEach(c -> vs.add(c.toLowerCase(Locale.ROOT)));
        Api api = http.client(Api.class, config.coingecko().url());
        JsonNode answer = http.fetch(name(), () -> api.price(String.join(",", new TreeSet<>(symbolById.keySet())), String.join(",", vs)));
        symbolById.forEach((id, symbol) -> {
            JsonNode coin = answer.get(id);
            if (coin == null || !coin.isObject()) {
                return;
            }
            for (String currency : currencies) {
                BigDecimal price = ProviderHttp.price(name(), coin.get(currency.toLowerCase(Locale.ROOT)), symbol + "/" + currency);
                if (price != null) {
                    prices.put(new Pair(symbol, currency), price);
                }
            }
        });
        return prices;
    }
}
