package dev.confirma.health;

import dev.confirma.rates.MarketRate;
import dev.confirma.rates.MarketRates;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market rates' health: DOWN when no rate is held, or when a held rate is older than
 * {@code confirma.rates.max-age} (it is never used, so its asset cannot be priced); DEGRADED
 * when a provider's last request failed while the rates are still fresh.
 */
@Singleton
public class RateHealth {

    private final MarketRates rates;
    private final Clock clock;

    RateHealth(MarketRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    public Check check() {
        Instant now = clock.instant();
        Duration maxAge = rates.maxAge();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("maxAgeSeconds", maxAge.toSeconds());
        Map<String, Object> pairs = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (MarketRate rate : rates.all()) {
            long age = Math.max(0, Duration.between(rate.fetchedAt(), now).toSeconds());
            boolean fresh = Duration.between(rate.fetchedAt(), now).compareTo(maxAge) <= 0;
            pairs.put(rate.pair().toString(), Map.of("ageSeconds", age, "fresh", fresh, "sources", rate.sources()));
            if (!fresh) {
                stale.add(rate.pair() + " (" + age + " s)");
            }
        }
        Map<String, Object> providers = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        rates.providerStatuses().forEach((name, status) -> {
            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("lastSuccessAt", status == null ? null : status.lastSuccessAt());
            provider.put("lastSuccessAgeSeconds", status == null || status.lastSuccessAt() == null ? null
                    : Math.max(0, Duration.between(status.lastSuccessAt(), now).toSeconds()));
            provider.put("lastFailureAt", status == null ? null : status.lastFailureAt());
            provider.put("lastError", status == null ? null : Redacted.error(status.lastError()));
            providers.put(name, provider);
            // an answer clears the failure: a status with one failed at its last request
            if (status != null && status.lastFailureAt() != null) {
                failing.add(name);
            }
        });
        data.put("providers", providers);
        data.put("pairs", pairs);
        if (pairs.isEmpty()) {
            String why = failing.isEmpty() ? "" : " (failing: " + String.join(", ", failing) + ")";
            return new Check("rates", Check.Status.DOWN, "no market rate is held: no order can be priced" + why, data);
        }
        if (!stale.isEmpty()) {
            return new Check("rates", Check.Status.DOWN, "rates older than confirma.rates.max-age (" + maxAge.toSeconds()
                    + " s) are not used: " + String.join(", ", stale), data);
        }
        if (!failing.isEmpty()) {
            return new Check("rates", Check.Status.DEGRADED, "the last request failed for " + String.join(", ", failing), data);
        }
        return new Check("rates", Check.Status.UP, null, data);
    }
}
