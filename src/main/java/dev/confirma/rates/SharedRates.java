package dev.confirma.rates;

import dev.confirma.common.Contention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Market rates shared through the database by several instances: the one that fetched them
 * publishes them, the others read them instead of asking the providers themselves. A row is
 * only ever replaced by a newer fetch, so an instance publishing late cannot roll rates back.
 */
@Singleton
class SharedRates {

    private static final int ATTEMPTS = 3;
    private static final int MAX_ERROR = 500;

    /** Writes these rates (newer than what is stored), forgets the retired pairs, and records the providers' statuses. */
    void publish(Collection<MarketRate> rates, Collection<Pair> retired, Map<String, MarketRates.ProviderStatus> statuses) {
        Contention.retrying(ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> {
            for (MarketRate rate : rates) {
                StoredRate row = StoredRate.findById(rate.pair().toString());
                if (row == null) {
                    row = new StoredRate();
                    row.pair = rate.pair().toString();
                    row.asset = rate.pair().asset();
                    row.currency = rate.pair().currency();
                } else if (!row.fetchedAt.isBefore(rate.fetchedAt())) {
                    continue;
                }
                row.price = rate.price().toPlainString();
                row.sources = String.join(",", rate.sources());
                row.fetchedAt = rate.fetchedAt();
                row.persist();
            }
            for (Pair pair : retired) {
                StoredRate.deleteById(pair.toString());
            }
            statuses.forEach((name, status) -> {
                StoredProviderStatus row = StoredProviderStatus.findById(name);
                if (row == null) {
                    row = new StoredProviderStatus();
                    row.name = name;
                }
                row.lastSuccessAt = status.lastSuccessAt();
                row.lastPairs = status.lastPairs();
                row.lastFailureAt = status.lastFailureAt();
                row.lastError = status.lastError() == null || status.lastError().length() <= MAX_ERROR
                        ? status.lastError() : status.lastError().substring(0, MAX_ERROR);
                row.persist();
            });
            StoredRate.flush(); // a row inserted by another instance at the same moment fails here, and is tried again
            return null;
        }));
    }

    /** What the refreshing instance published: every stored rate, and the providers' statuses. */
    Published read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<MarketRate> rates = StoredRate.<StoredRate>listAll().stream()
                    .map(row -> new MarketRate(new Pair(row.asset, row.currency), new BigDecimal(row.price),
                            List.of(row.sources.split(",")), row.fetchedAt))
                    .toList();
            Map<String, MarketRates.ProviderStatus> statuses = new HashMap<>();
            StoredProviderStatus.<StoredProviderStatus>listAll().forEach(row -> statuses.put(row.name,
                    new MarketRates.ProviderStatus(row.lastSuccessAt, row.lastPairs, row.lastFailureAt, row.lastError)));
            return new Published(rates, statuses);
        });
    }

    record Published(List<MarketRate> rates, Map<String, MarketRates.ProviderStatus> statuses) {
    }
}
