package dev.confirma.order;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One INFO line per status change of an order, payment and lifecycle alike, so an operator can
 * follow an order in the log without the database. The events carry ids, statuses and who acted
 * (a key's shown prefix, never a key); nothing personal or secret is in them.
 */
@Singleton
public class OrderStatusLog {

    private static final Logger LOG = Logger.getLogger(OrderStatusLog.class);

    void paymentChanged(@Observes PaymentStatusChanged change) {
        withIds(change.orderId(), change.storeId(), () -> LOG.infof("Order %s of store %s: payment %s -> %s (cause %s%s)", change.orderId(), change.storeId(),
                change.from().name().toLowerCase(java.util.Locale.ROOT), change.to().name().toLowerCase(java.util.Locale.ROOT),
                change.cause().name().toLowerCase(java.util.Locale.ROOT),
                (change.late() ? ", late" : "")
                        + (change.paymentException() != null ? ", exception " + change.paymentException().name().toLowerCase(java.util.Locale.ROOT) : "")));
    }

    /** The reason is left out: it is the store's free text, and may name a person. */
    void lifecycleChanged(@Observes LifecycleStatusChanged change) {
        withIds(change.orderId(), change.storeId(), () -> LOG.infof("Order %s of store %s: lifecycle %s -> %s (by %s)",
                change.orderId(), change.storeId(), change.from(), change.to(), change.actor().name()));
    }

    /**
     * The ids as MDC fields too, so a JSON log ({@code quarkus.log.console.json.enabled=true})
     * can be filtered by order or store without parsing the message; the caller's own MDC is kept.
     */
    private static void withIds(String orderId, String storeId, Runnable log) {
        Object outerOrder = MDC.put("orderId", orderId);
        Object outerStore = MDC.put("storeId", storeId);
        try {
            log.run();
        } finally {
            restore("orderId", outerOrder);
            restore("storeId", outerStore);
        }
    }

    private static void restore(String key, Object outer) {
        if (outer == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, outer);
        }
    }
}
