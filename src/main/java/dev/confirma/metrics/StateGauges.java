package dev.confirma.metrics;

import dev.confirma.callback.CallbackDelivery;
import dev.confirma.chain.watch.ChainStatus;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.PaymentStatus;
import dev.confirma.rates.MarketRate;
import dev.confirma.rates.MarketRates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges of state, read from the database and the watchers every
 * {@code confirma.metrics.refresh-interval} (a few counting queries), not at every scrape:
 * orders by payment and lifecycle status, callbacks waiting and dead, blocks behind per chain,
 * each rate's age. The counts are of the whole database, so every instance shows the same.
 */
@Singleton
public class StateGauges {

    private final MeterRegistry registry;
    private final ChainWatcher watcher;
    private final MarketRates rates;
    private final Clock clock;
    private final Map<PaymentStatus, Long> byPayment = new EnumMap<>(PaymentStatus.class);
    private final Map<LifecycleStatus, Long> byLifecycle = new EnumMap<>(LifecycleStatus.class);
    private final Map<String, Double> behind = new ConcurrentHashMap<>();
    private final Map<String, Double> rateAge = new ConcurrentHashMap<>();
    private volatile long queued;
    private volatile long dead;

    StateGauges(MeterRegistry registry, ChainWatcher watcher, MarketRates rates, Clock clock) {
        this.registry = registry;
        this.watcher = watcher;
        this.rates = rates;
        this.clock = clock;
        for (PaymentStatus status : PaymentStatus.values()) {
            byPayment.put(status, 0L);
            Gauge.builder("confirma.orders", byPayment, counts -> counts.get(status))
                    .description("Orders by payment status").tag("payment_status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (LifecycleStatus status : LifecycleStatus.values()) {
            byLifecycle.put(status, 0L);
            Gauge.builder("confirma.orders.lifecycle", byLifecycle, counts -> counts.get(status))
                    .description("Orders by lifecycle status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("confirma.callbacks.queued", this, gauges -> gauges.queued)
                .description("Callbacks and webhook events waiting to be delivered").register(registry);
        Gauge.builder("confirma.callbacks.dead", this, gauges -> gauges.dead)
                .description("Callbacks and webhook events given up on (dead)").register(registry);
    }

    @Scheduled(every = "{confirma.metrics.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "metrics-refresh")
    void scheduled() {
        refresh();
    }

    /** Reads every gauge's value now. */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            counts("select o.paymentStatus, count(o) from Order o group by o.paymentStatus", PaymentStatus.class, byPayment);
            counts("select o.lifecycleStatus, count(o) from Order o group by o.lifecycleStatus", LifecycleStatus.class, byLifecycle);
            queued = CallbackDelivery.count("state", CallbackDelivery.State.PENDING);
            dead = CallbackDelivery.count("state", CallbackDelivery.State.DEAD);
        });
        for (ChainStatus chain : watcher.statuses()) {
            behind.computeIfAbsent(chain.chain(), name -> {
                Gauge.builder("confirma.chain.blocks.behind", behind, values -> values.getOrDefault(name, Double.NaN))
                        .description("Blocks between the node's head and the last block read (NaN where another instance reads the chain)")
                        .tag("chain", name).register(registry);
                return Double.NaN;
            });
            behind.put(chain.chain(), chain.lag() == null ? Double.NaN : chain.lag());
        }
        // a pair no longer held shows NaN, not its last age: an alert on the age must not go quiet
        java.util.Set<String> held = new java.util.HashSet<>();
        rates.all().forEach(rate -> held.add(rate.pair().toString()));
        rateAge.replaceAll((pair, age) -> held.contains(pair) ? age : Double.NaN);
        for (MarketRate rate : rates.all()) {
            String pair = rate.pair().toString();
            rateAge.computeIfAbsent(pair, name -> {
                Gauge.builder("confirma.rate.age", rateAge, values -> values.getOrDefault(name, Double.NaN))
                        .description("Seconds since the rate was fetched").baseUnit("seconds").tag("pair", name).register(registry);
                return Double.NaN;
            });
            rateAge.put(pair, (double) Duration.between(rate.fetchedAt(), clock.instant()).toSeconds());
        }
    }

    private static <S extends Enum<S>> void counts(String query, Class<S> type, Map<S, Long> into) {
        List<Object[]> rows = Order.getEntityManager().createQuery(query, Object[].class).getResultList();
        Map<S, Long> fresh = new EnumMap<>(type);
        for (S status : type.getEnumConstants()) {
            fresh.put(status, 0L);
        }
        for (Object[] row : rows) {
            fresh.put(type.cast(row[0]), ((Number) row[1]).longValue());
        }
        synchronized (into) {
            into.putAll(fresh);
        }
    }
}
