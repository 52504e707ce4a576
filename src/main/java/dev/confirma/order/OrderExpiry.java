package dev.confirma.order;

import dev.confirma.common.Contention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Cancels pending orders whose quotes expired, and on-hold orders whose payment never
 * arrived by the end of their late-payment window. An order with a payment credited is left
 * to the chain; a cancelled order's amounts stay reserved for its late-payment window. Several
 * instances sweep side by side: each order is claimed with SKIP LOCKED, so one instance
 * changes it and the others pass it by.
 */
@Singleton
public class OrderExpiry {

    private static final Logger LOG = Logger.getLogger(OrderExpiry.class);
    /** Orders cancelled per run at most; the next run takes the rest. */
    static final int BATCH = 500;
    /** Tries of one order when a request changes it at the same moment; then the next run. */
    static final int ATTEMPTS = 3;

    private final OrderStateMachine stateMachine;
    private final Clock clock;

    OrderExpiry(OrderStateMachine stateMachine, Clock clock) {
        this.stateMachine = stateMachine;
        this.clock = clock;
    }

    @Scheduled(every = "{confirma.checkout.expiry-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "order-expiry")
    void scheduled() {
        cancelExpired();
    }

    /** Returns how many orders were cancelled. */
    public int cancelExpired() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> Order.getEntityManager()
                .createQuery("select o.id from Order o where o.paymentStatus = :pending and o.expiresAt <= :now"
                                + " or o.paymentStatus = :onHold and o.amountReceived is null and o.monitoredUntil < :now"
                                + " order by o.expiresAt", String.class)
                .setParameter("pending", PaymentStatus.PENDING)
                .setParameter("onHold", PaymentStatus.ON_HOLD)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH)
                .getResultList());
        int cancelled = each(due, stateMachine::expireIfDue);
        if (cancelled > 0) {
            LOG.infof("Cancelled %d expired unpaid order(s)", cancelled);
        }
        return cancelled;
    }

    /** Applies {@code change} to each order in a short transaction of its own, retrying a lost race; returns how many changed. */
    public static int each(List<String> ids, Predicate<Order> change) {
        int changed = 0;
        for (String id : ids) {
            try {
                // changed at this very moment (a hash attached, say): looked at again at once, as it is now
                if (Contention.retrying(ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> apply(id, change)))) {
                    changed++;
                }
            } catch (RuntimeException busy) {
                if (!Contention.isRace(busy)) {
                    throw busy;
                }
                LOG.debugf("Order %s changed %d times while expiring; looked at again next run", id, ATTEMPTS);
            }
        }
        return changed;
    }

    private static boolean apply(String id, Predicate<Order> change) {
        // claimed with SKIP LOCKED: an order another instance's sweep (or a request) holds right now is
        // left to it, and looked at again next run if it still needs it, instead of waiting on its lock
        if (Order.getEntityManager().createNativeQuery("SELECT id FROM orders WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList().isEmpty()) {
            return false;
        }
        boolean changed = change.test(Order.findById(id));
        Order.flush(); // a concurrent change to the order fails here, as the exception caught above, not at commit
        return changed;
    }
}
