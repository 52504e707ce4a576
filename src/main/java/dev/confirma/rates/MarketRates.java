package dev.confirma.rates;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.cluster.Leases;
import dev.confirma.rates.config.RatesConfig;
import dev.confirma.rates.provider.FixedRateProvider;
import dev.confirma.rates.provider.RateProvider;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jboss.logging.Logger;

/**
 * The current market rates: refreshed on a schedule from every configured provider, one
 * request per provider, and combined per pair by {@link RateAggregator}. A rate older
 * than {@code confirma.rates.max-age} is never handed out. With several instances on one
 * database, the one holding the {@value #LEASE} lease asks the providers and publishes the
 * rates ({@link SharedRates}); the others read them, so the providers see one set of requests.
 */
@Singleton
public class MarketRates {

    private static final Logger LOG = Logger.getLogger(MarketRates.class);
    /** On-demand refreshes (a new currency, stale rates) are at most this frequent, so an outage is not hammered. */
    static final Duration ON_DEMAND_SPACING = Duration.ofSeconds(10);

    private final RatesConfig config;
    private final AssetCatalog catalog;
    private final FixedRateProvider fixed;
    private final List<RateProvider> providers;
    private final Clock clock;
    private final Map<Pair, MarketRate> rates = new ConcurrentHashMap<>();
    private final Set<String> currencies = new ConcurrentSkipListSet<>();
    private final Map<String, ProviderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> missingByProvider = new ConcurrentHashMap<>();
    private volatile Instant lastOnDemand = Instant.MIN;
    /** Another instance refreshes the rates: this one reads what it publishes. */
    private volatile boolean standby;
    private final SharedRates shared;
    private final Leases leases;

    /** The lease on fetching rates from the providers: one instance asks them. */
    public static final String LEASE = "rates-refresh";

    MarketRates(RatesConfig config, AssetCatalog catalog, FixedRateProvider fixed, Instance<RateProvider> available, Clock clock,
                SharedRates shared, Leases leases) {
        this.shared = shared;
        this.leases = leases;
        this.config = config;
        this.catalog = catalog;
        this.fixed = fixed;
        this.clock = clock;
        Map<String, RateProvider> byName = new HashMap<>();
        available.forEach(p -> byName.put(p.name(), p));
        List<RateProvider> chosen = new ArrayList<>();
        for (String name : config.providers()) {
            RateProvider provider = byName.get(name.trim().toLowerCase(Locale.ROOT));
            if (provider == null) {
                throw new IllegalStateException("confirma.rates.providers: unknown provider " + name + " (known: " + byName.keySet() + ")");
            }
            chosen.add(provider);
        }
        this.providers = List.copyOf(chosen);
        config.currencies().forEach(c -> currencies.add(c.trim().toUpperCase(Locale.ROOT)));
        currencies.add("USD"); // the pivot for orders priced in a crypto asset
    }

    @Scheduled(every = "{confirma.rates.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "market-rates-refresh")
    void scheduledRefresh() {
        if (leases.hold(LEASE, config.refreshInterval().multipliedBy(3))) {
            if (standby) {
                LOG.info("This instance fetches the market rates from now on");
            }
            standby = false;
            refresh();
        } else {
            standby = true;
            adopt(shared.read());
        }
    }

    /**
     * Holds what the refreshing instance published: a pair it withdrew (its providers disagree, a
     * de-peg starting) is dropped here too, at once, not priced on until it ages out; a rate held
     * is replaced only by a newer one.
     */
    private void adopt(SharedRates.Published published) {
        Set<Pair> publishedPairs = new java.util.HashSet<>();
        published.rates().forEach(rate -> publishedPairs.add(rate.pair()));
        rates.keySet().retainAll(publishedPairs);
        published.rates().forEach(rate -> rates.merge(rate.pair(), rate,
                (held, stored) -> stored.fetchedAt().isAfter(held.fetchedAt()) ? stored : held));
        statuses.putAll(published.statuses());
    }

    /** Fetches every wanted currency from every provider now. Returns how many providers answered. */
    public synchronized int refresh() {
        Instant now = clock.instant();
        Set<String> wanted = Set.copyOf(currencies);
        List<Asset> assets = catalog.all();
        Map<Pair, Map<String, BigDecimal>> answers = new HashMap<>();
        int answered = 0;
        for (RateProvider provider : providers) {
            try {
                Map<Pair, BigDecimal> prices = provider.prices(assets, wanted);
                if (provider != fixed) { // unpinned pairs are the rule for pins, not news
                    noteMissing(provider.name(), assets, wanted, prices);
                }
                prices.forEach((pair, price) -> answers.computeIfAbsent(pair, p -> new HashMap<>()).put(provider.name(), price));
                statuses.put(provider.name(), ProviderStatus.answered(now, prices.size()));
                answered++;
            } catch (RuntimeException e) {
                // a failing provider is skipped, never used: the others still make the rates
                LOG.warnf("Rate provider %s failed, its prices are not used: %s", provider.name(), e.getMessage());
                statuses.put(provider.name(), ProviderStatus.failed(now, e.getMessage(), statuses.get(provider.name())));
            }
        }
        List<MarketRate> stored = new ArrayList<>();
        List<Pair> retired = new ArrayList<>();
        answers.forEach((pair, byProvider) -> store(pair, byProvider, now).ifPresentOrElse(stored::add, () -> retired.add(pair)));
        try {
            shared.publish(stored, retired, statuses);
        } catch (RuntimeException e) {
            // this instance prices with what it fetched; the other instances go on with the last published rates
            LOG.warnf("Could not publish the market rates for other instances: %s", e.getMessage());
        }
        return answered;
    }

    /** Warns once when a provider stops quoting a pair it was asked for (and again if it returns, then goes). */
    private void noteMissing(String provider, List<Asset> assets, Set<String> wanted, Map<Pair, BigDecimal> prices) {
        Set<String> missing = new TreeSet<>();
        for (Asset asset : assets) {
            for (String currency : wanted) {
                Pair pair = new Pair(asset.symbol(), currency);
                if (!prices.containsKey(pair)) {
                    missing.add(pair.toString());
                }
            }
        }
        Set<String> newlyMissing = new TreeSet<>(missing);
        newlyMissing.removeAll(missingByProvider.getOrDefault(provider, Set.of()));
        if (!newlyMissing.isEmpty()) {
            LOG.warnf("Rate provider %s has no price for %s", provider, newlyMissing);
        }
        missingByProvider.put(provider, missing);
    }

    /** The pair's new rate, held from now on; empty when the providers disagree and the pair has no rate any more. */
    private Optional<MarketRate> store(Pair pair, Map<String, BigDecimal> byProvider, Instant now) {
        Optional<BigDecimal> pin = providers.contains(fixed) ? fixed.pinned(pair) : Optional.empty();
        if (pin.isPresent()) {
            MarketRate pinned = new MarketRate(pair, pin.get(), List.of(fixed.name()), now);
            rates.put(pair, pinned);
            return Optional.of(pinned);
        }
        Optional<MarketRate> rate = RateAggregator.combine(pair, byProvider, config.maxDeviationPercent(), now);
        if (rate.isEmpty()) {
            // a fresh disagreement (a de-peg starting, one source broken) also retires the last agreed rate
            rates.remove(pair);
            LOG.warnf("No rate for %s: providers disagree beyond %s%% %s", pair, config.maxDeviationPercent(), byProvider);
            return Optional.empty();
        }
        List<String> outliers = RateAggregator.outliers(byProvider, rate.get());
        if (!outliers.isEmpty()) {
            LOG.warnf("Rate %s leaves out %s: more than %s%% from the median of %s", pair, outliers, config.maxDeviationPercent(), byProvider);
        }
        rates.put(pair, rate.get());
        return rate;
    }

    /**
     * A fresh rate for 1 {@code asset} in {@code currency} (an ISO currency). A currency not
     * seen before, or a stale rate, triggers one refresh first.
     */
    public Optional<MarketRate> fresh(String asset, String currency) {
        Pair pair = new Pair(asset, currency);
        Optional<MarketRate> rate = freshOnly(pair);
        if (rate.isEmpty() && standby) {
            adopt(shared.read()); // the refreshing instance may have published it since this one last read
            rate = freshOnly(pair);
        }
        if (rate.isEmpty()) {
            refreshOnDemand(currency);
            rate = freshOnly(pair);
        }
        return rate;
    }

    /** Whether some provider answered within the maximum age: a missing currency is then really missing. */
    public boolean providersAnswered() {
        Instant oldest = clock.instant().minus(config.maxAge());
        return statuses.values().stream().anyMatch(s -> s.lastSuccessAt() != null && !s.lastSuccessAt().isBefore(oldest));
    }

    /** Whether any provider has ever quoted {@code currency} for any asset. */
    public boolean isQuoted(String currency) {
        return rates.keySet().stream().anyMatch(pair -> pair.currency().equals(currency));
    }

    private Optional<MarketRate> freshOnly(Pair pair) {
        MarketRate rate = rates.get(pair);
        if (rate == null || Duration.between(rate.fetchedAt(), clock.instant()).compareTo(config.maxAge()) > 0) {
            return Optional.empty();
        }
        return Optional.of(rate);
    }

    private synchronized void refreshOnDemand(String currency) {
        boolean added = currencies.add(currency);
        Instant now = clock.instant();
        if (!added && Duration.between(lastOnDemand, now).compareTo(ON_DEMAND_SPACING) < 0) {
            return;
        }
        lastOnDemand = now;
        refresh();
        if (added && !isQuoted(currency)) {
            currencies.remove(currency); // nobody quotes it: a refused checkout leaves nothing behind
        }
    }

    /** Every rate held, fresh or not, for {@code GET /v1/rates}. */
    public List<MarketRate> all() {
        List<MarketRate> all = new ArrayList<>(rates.values());
        all.sort((a, b) -> a.pair().toString().compareTo(b.pair().toString()));
        return all;
    }

    public Map<String, ProviderStatus> providerStatuses() {
        Map<String, ProviderStatus> ordered = new java.util.LinkedHashMap<>();
        providers.forEach(p -> ordered.put(p.name(), statuses.get(p.name())));
        return Collections.unmodifiableMap(ordered);
    }

    public Duration maxAge() {
        return config.maxAge();
    }

    public Set<String> currencies() {
        return new LinkedHashSet<>(currencies);
    }

    /** How the last request to a provider went. */
    public record ProviderStatus(Instant lastSuccessAt, int lastPairs, Instant lastFailureAt, String lastError) {
        static ProviderStatus answered(Instant at, int pairs) {
            return new ProviderStatus(at, pairs, null, null);
        }

        static ProviderStatus failed(Instant at, String error, ProviderStatus previous) {
            return new ProviderStatus(previous == null ? null : previous.lastSuccessAt(),
                    previous == null ? 0 : previous.lastPairs(), at, error);
        }
    }
}
