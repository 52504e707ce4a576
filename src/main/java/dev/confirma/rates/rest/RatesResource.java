package dev.confirma.rates.rest;

import dev.confirma.common.Money;
import dev.confirma.rates.MarketRate;
import dev.confirma.rates.MarketRates;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code GET /v1/rates}: the current market rates, their age and sources (store key, see AccessFilters). */
@Path("/v1/rates")
@Produces(MediaType.APPLICATION_JSON)
public class RatesResource {

    private final MarketRates rates;
    private final Clock clock;

    RatesResource(MarketRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @GET
    public RatesView get() {
        Instant now = clock.instant();
        List<RateView> all = rates.all().stream().map(rate -> view(rate, now)).toList();
        List<ProviderView> providers = rates.providerStatuses().entrySet().stream()
                .map(e -> e.getValue() == null
                        ? new ProviderView(e.getKey(), null, null, null)
                        : new ProviderView(e.getKey(), e.getValue().lastSuccessAt(), e.getValue().lastFailureAt(), e.getValue().lastError()))
                .toList();
        return new RatesView(rates.maxAge().toSeconds(), rates.currencies(), all, providers);
    }

    private RateView view(MarketRate rate, Instant now) {
        long age = Duration.between(rate.fetchedAt(), now).toSeconds();
        return new RateView(rate.pair().asset(), rate.pair().currency(), Money.plain(rate.price()).toPlainString(),
                rate.fetchedAt(), age, age <= rates.maxAge().toSeconds(), rate.sources());
    }

    public record RatesView(long maxAgeSeconds, Set<String> currencies, List<RateView> rates, List<ProviderView> providers) {
    }

    /** The price of 1 {@code asset} in {@code currency}; {@code fresh} false means checkouts will not use it. */
    public record RateView(String asset, String currency, String price, Instant fetchedAt, long ageSeconds, boolean fresh,
                           List<String> sources) {
    }

    public record ProviderView(String name, Instant lastSuccessAt, Instant lastFailureAt, String lastError) {
    }
}
