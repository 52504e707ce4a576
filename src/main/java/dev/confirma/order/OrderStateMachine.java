package dev.confirma.order;

import dev.confirma.order.PaymentStatusChanged.Cause;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The only class that changes an order's {@code paymentStatus}. Every change goes through
 * {@link PaymentTransitions}' table for its cause; a change the table does not allow is refused, never forced.
 * Each change is announced as a {@link PaymentStatusChanged} event inside the caller's
 * transaction (the callback outbox records it there).
 */
@Singleton
public class OrderStateMachine {

    private final Clock clock;
    private final Event<PaymentStatusChanged> changes;
    private final Event<LifecycleStatusChanged> lifecycleChanges;

    OrderStateMachine(Clock clock, Event<PaymentStatusChanged> changes, Event<LifecycleStatusChanged> lifecycleChanges) {
        this.clock = clock;
        this.changes = changes;
        this.lifecycleChanges = lifecycleChanges;
    }

    /** A new order's first status: pending, or on-hold when the plugin says so. */
    public void open(Order order, PaymentStatus initial) {
        if (!initial.isUnpaid()) {
            throw new IllegalArgumentException("an order opens unpaid, not " + initial);
        }
        order.setPaymentStatus(initial);
        order.setLifecycleStatus(LifecycleStatus.CREATED);
    }

    /**
     * A store asks for {@code target}; returns whether the status changed. A store cancelling an
     * order the expiry already cancelled means it will not take it: a late payment no longer reopens it.
     */
    public boolean requestByStore(Order order, PaymentStatus target) {
        PaymentStatus from = order.paymentStatus();
        if (from == target) {
            if (target == PaymentStatus.CANCELLED && order.expired()) {
                order.closeLatePaymentWindow();
                moveLifecycle(order, LifecycleStatus.CANCELLED);
                order.updatedAt = clock.instant();
            }
            return false;
        }
        if (!PaymentTransitions.allows(Cause.STORE, from, target, order.expired())) {
            throw new InvalidTransitionException(order.id, from, target);
        }
        if (target == PaymentStatus.CANCELLED) {
            // the store will not take it: a late payment reopened it once, none reopens it again
            order.closeLatePaymentWindow();
        }
        change(order, target, Cause.STORE);
        return true;
    }

    /**
     * A transaction hash was attached: the payment is seen, waiting for the chain. An expired
     * order takes one inside its late-payment window and stays cancelled until the chain shows it.
     */
    public void paymentClaimed(Order order, Instant now) {
        if (!order.takesPaymentMadeAt(now, java.time.Duration.ZERO)) {
            throw new OrderNotPayableException(order.id, order.paymentStatus());
        }
        if (PaymentTransitions.allows(Cause.CLAIM, order.paymentStatus(), PaymentStatus.ON_HOLD, order.expired())) {
            change(order, PaymentStatus.ON_HOLD, Cause.CLAIM);
        }
    }

    /** The chain's verdict on an open (or expired) order's payments; returns whether anything changed. */
    public boolean decidedByChain(Order order, PaymentStatus target) {
        PaymentStatus from = order.paymentStatus();
        if (from == target) {
            return false;
        }
        if (!PaymentTransitions.allows(Cause.CHAIN, from, target, order.expired())) {
            throw new IllegalStateException("order " + order.id + " is " + from + ": the chain cannot make it " + target);
        }
        change(order, target, Cause.CHAIN);
        return true;
    }

    /**
     * A pending order past its expiry is cancelled: its quotes no longer hold, though a late
     * payment may still reopen it. An on-hold order whose payment never arrived (a claimed hash
     * the chain never showed, or a payment a reorg took away) is cancelled when its late-payment
     * window closes.
     */
    public boolean expireIfDue(Order order) {
        Instant now = clock.instant();
        boolean due = order.paymentStatus() == PaymentStatus.PENDING && !now.isBefore(order.expiresAt)
                || order.paymentStatus() == PaymentStatus.ON_HOLD && order.amountReceived == null && now.isAfter(order.monitoredUntil);
        if (!due || !PaymentTransitions.allows(Cause.EXPIRY, order.paymentStatus(), PaymentStatus.CANCELLED, order.expired())) {
            return false;
        }
        order.markExpired();
        change(order, PaymentStatus.CANCELLED, Cause.EXPIRY);
        return true;
    }

    private void change(Order order, PaymentStatus target, Cause cause) {
        PaymentStatus from = order.paymentStatus();
        Instant now = clock.instant();
        order.setPaymentStatus(target);
        lifecycleAfterPayment(order, from, target, cause);
        order.updatedAt = now;
        // synchronous: observers run here, in the caller's transaction
        changes.fire(new PaymentStatusChanged(order.id, order.storeId, order.callbackUrl, from, target, cause, order.late,
                order.paymentException, now));
    }

    /**
     * What a payment status change means for the lifecycle: the chain's confirmation pays the
     * order; a store's cancel cancels it. An order the expiry cancelled stays created: a payment
     * made inside its late-payment window may still be read after the sweep ran, and pay it.
     */
    private void lifecycleAfterPayment(Order order, PaymentStatus from, PaymentStatus to, Cause cause) {
        if (to == PaymentStatus.CONFIRMED && cause == Cause.CHAIN) {
            moveLifecycle(order, LifecycleStatus.PAID);
        } else if (to == PaymentStatus.CANCELLED && cause == Cause.STORE) {
            moveLifecycle(order, LifecycleStatus.CANCELLED);
        }
    }

    private void moveLifecycle(Order order, LifecycleStatus to) {
        LifecycleStatus from = order.lifecycleStatus();
        if (from == to || from != LifecycleStatus.CREATED) {
            return; // only an order still waiting for its payment follows its payment
        }
        if (!LifecycleTransitions.allows(from, to, null)) {
            throw new IllegalStateException("order " + order.id + " is " + from + ": its payment cannot make it " + to);
        }
        order.setLifecycleStatus(to);
        lifecycleChanges.fire(new LifecycleStatusChanged(order.id, order.storeId, from, to, clock.instant()));
    }
}
