package dev.confirma.order;

import dev.confirma.common.error.ApiException;
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

    OrderStateMachine(Clock clock, Event<PaymentStatusChanged> changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /** A new order's first status: pending, or on-hold when the plugin says so. */
    public void open(Order order, PaymentStatus initial) {
        if (!initial.isUnpaid()) {
            throw new IllegalArgumentException("an order opens unpaid, not " + initial);
        }
        order.setPaymentStatus(initial);
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
                order.updatedAt = clock.instant();
            }
            return false;
        }
        if (!PaymentTransitions.allows(Cause.STORE, from, target, order.expired())) {
            throw ApiException.conflict("invalid_status_transition",
                    "Order " + order.id + " is " + from.wire() + " and cannot become " + target.wire());
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
            throw ApiException.conflict("order_not_payable",
                    "Order " + order.id + " is " + order.paymentStatus().wire() + " and takes no more payments");
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
            throw new IllegalStateException("order " + order.id + " is " + from.wire() + ": the chain cannot make it " + target.wire());
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
        order.updatedAt = now;
        // synchronous: observers run here, in the caller's transaction
        changes.fire(new PaymentStatusChanged(order.id, order.storeId, order.callbackUrl, from, target, cause, order.late, now));
    }
}
