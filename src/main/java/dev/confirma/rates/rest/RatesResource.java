package dev.confirma.rates.rest;

import dev.confirma.common.Money;
import dev.confirma.common.openapi.ApiDocumentation;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/rates}: the current market rates, their age and sources (store key, see AccessFilters). */
@Path("/v1/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.ORDERS_API)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class RatesResource {

    private final MarketRates rates;
    private final Clock clock;

    RatesResource(MarketRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Market rates", description = "The rates the server holds: the price of 1 asset in each currency, its"
            + " age and sources, whether it is fresh enough to price a checkout (`maxAgeSeconds`), and each provider's last"
            + " success and failure.")
    @APIResponse(responseCode = "200", description = "The rates")
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
