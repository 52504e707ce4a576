package dev.confirma.metrics;

import dev.confirma.order.OrderCreated;
import dev.confirma.order.PaymentStatus;
import dev.confirma.order.PaymentStatusChanged;
import dev.confirma.payment.OrderPayment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts what happened to orders once it is committed (an observer after success: a rolled-back
 * change is never counted): checkouts created, and for each payment the chain confirms, the
 * time from when the watcher first attributed it to the order to its confirmation.
 */
@Singleton
public class OrderMetrics {

    private final Counter created;
    private final Timer seenToConfirmed;

    OrderMetrics(MeterRegistry registry) {
        this.created = Counter.builder("confirma.checkouts.created")
                .description("Orders created, through the plugin API and the Orders API").register(registry);
        this.seenToConfirmed = Timer.builder("confirma.payment.seen.to.confirmed")
                .description("From a payment first attributed to its order to the order confirmed by the chain")
                .publishPercentileHistogram().register(registry);
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCreated order) {
        created.increment();
    }

    void confirmed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentStatusChanged change) {
        if (change.to() != PaymentStatus.CONFIRMED || change.cause() != PaymentStatusChanged.Cause.CHAIN) {
            return;
        }
        Instant seen = QuarkusTransaction.requiringNew().call(() -> OrderPayment.getEntityManager()
                .createQuery("select min(p.createdAt) from OrderPayment p where p.orderId = :order and p.credited = true", Instant.class)
                .setParameter("order", change.orderId()).getSingleResult());
        if (seen != null) {
            Duration waited = Duration.between(seen, change.at());
            seenToConfirmed.record(waited.isNegative() ? Duration.ZERO : waited);
        }
    }
}
