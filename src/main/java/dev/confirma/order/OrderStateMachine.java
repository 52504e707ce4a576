package dev.confirma.order;

import dev.confirma.order.PaymentStatusChanged.Cause;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The only class that changes an order's {@code paymentStatus} and its lifecycle {@code status}.
 * Every change goes through {@link PaymentTransitions}' table for its cause, or through
 * {@link LifecycleTransitions}; a change the table does not allow is refused, never forced.
 * Each change is announced as a {@link PaymentStatusChanged} or {@link LifecycleStatusChanged}
 * event inside the caller's transaction (the callback outbox and the timeline record them there).
 */
@Singleton
public class OrderStateMachine {

    private final Clock clock;
    private final Event<PaymentStatusChanged> changes;
    private final Event<LifecycleStatusChanged> lifecycleChanges;
    private final Event<OrderCreated> creations;

    OrderStateMachine(Clock clock, Event<PaymentStatusChanged> changes, Event<LifecycleStatusChanged> lifecycleChanges,
                      Event<OrderCreated> creations) {
        this.clock = clock;
        this.creations = creations;
        this.changes = changes;
        this.lifecycleChanges = lifecycleChanges;
    }

    /** A new order's first status: pending, or on-hold when the plugin says so; created by {@code actor}. */
    public void open(Order order, PaymentStatus initial, Actor actor) {
        if (!initial.isUnpaid()) {
            throw new IllegalArgumentException("an order opens unpaid, not " + initial);
        }
        order.setPaymentStatus(initial);
        order.setLifecycleStatus(LifecycleStatus.CREATED);
        order.createdBy = actor.name();
    }

    /** Announces an order {@link #open opened} and written whole, in the transaction that wrote it. */
    public void announceCreated(Order order) {
        creations.fire(new OrderCreated(order.id, order.storeId, order.createdAt));
    }

    /**
     * A store asks for {@code target}; returns whether the status changed. A store cancelling an
     * order the expiry already cancelled means it will not take it: a late payment no longer reopens it.
     */
    public boolean requestByStore(Order order, PaymentStatus target, Actor actor, String reason) {
        PaymentStatus from = order.paymentStatus();
        if (from == target) {
            if (target == PaymentStatus.CANCELLED && order.expired()) {
                order.closeLatePaymentWindow();
                followPayment(order, LifecycleStatus.CANCELLED, actor, reason);
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
        change(order, target, Cause.STORE, actor, reason);
        return true;
    }

    /**
     * A store moves the order's lifecycle (fulfil, ship, hold, dispute, …), by the table. Cancelling
     * an order still waiting for its payment cancels the payment too, as a store's cancel through the
     * plugin API does. Only the chain pays an order.
     */
    public void moveByStore(Order order, LifecycleStatus to, Actor actor, String reason) {
        LifecycleStatus from = order.lifecycleStatus();
        if (from == LifecycleStatus.CREATED && to == LifecycleStatus.CANCELLED) {
            cancelUnpaid(order, actor, reason);
            return;
        }
        boolean chainsWord = from == LifecycleStatus.CREATED && to == LifecycleStatus.PAID; // a confirmation pays, never a request
        if (chainsWord || !LifecycleTransitions.allows(from, to, order.lifecycleBefore())) {
            throw new InvalidLifecycleTransitionException(order.id, from, to, LifecycleTransitions.nextByStore(from, order.lifecycleBefore()));
        }
        moveLifecycle(order, to, actor, reason);
    }

    /**
     * A store cancels an order not paid: a payment still awaited is cancelled with it (its
     * callback sent); one already final (failed, or cancelled) stays as it is. A payment that
     * has arrived and waits for its confirmations is not cancelled under it.
     */
    private void cancelUnpaid(Order order, Actor actor, String reason) {
        if (order.paymentStatus() == PaymentStatus.ON_HOLD && (order.amountReceived != null || order.transactionHash != null)) {
            throw new PaymentUnderwayException(order.id);
        }
        if (order.paymentStatus().isUnpaid() || order.expired()) {
            requestByStore(order, PaymentStatus.CANCELLED, actor, reason);
        }
        // cancelled by the payment's own cancel above, or a payment already final: the lifecycle alone
        followPayment(order, LifecycleStatus.CANCELLED, actor, reason);
        order.updatedAt = clock.instant();
    }

    /** Verified refunds cover the order: it is refunded, by the chain's word. */
    public void refundedOnChain(Order order, String reason) {
        LifecycleStatus from = order.lifecycleStatus();
        if (from == LifecycleStatus.REFUNDED) {
            return;
        }
        if (!LifecycleTransitions.allows(from, LifecycleStatus.REFUNDED, order.lifecycleBefore())) {
            throw new InvalidLifecycleTransitionException(order.id, from, LifecycleStatus.REFUNDED,
                    LifecycleTransitions.next(from, order.lifecycleBefore()));
        }
        moveLifecycle(order, LifecycleStatus.REFUNDED, Actor.CHAIN, reason);
    }

    /**
     * An order the expiry cancelled whose late-payment window has closed with nothing paid: no
     * payment can pay it any more, so it is cancelled for the merchant too. Call only once every
     * chain it was quoted on has been read, and its transfers attributed, past the window's end:
     * a payment made inside the window but read later would otherwise be refused.
     */
    public boolean closeIfWindowOver(Order order) {
        boolean over = order.expired() && order.paymentStatus() == PaymentStatus.CANCELLED
                && order.lifecycleStatus() == LifecycleStatus.CREATED && clock.instant().isAfter(order.monitoredUntil);
        if (!over) {
            return false;
        }
        order.closeLatePaymentWindow();
        followPayment(order, LifecycleStatus.CANCELLED, Actor.SYSTEM, "expired unpaid; its late-payment window closed");
        order.updatedAt = clock.instant();
        return true;
    }

    /**
     * A transaction hash was attached: the payment is seen, waiting for the chain. An expired
     * order takes one inside its late-payment window and stays cancelled until the chain shows it.
     * A pending order whose quote ran out is expired first, as the sweep would have: the outcome
     * must not depend on whether the sweep reached the order before the claim did.
     */
    public void paymentClaimed(Order order, Instant now) {
        if (!order.takesPaymentMadeAt(now, java.time.Duration.ZERO)) {
            throw new OrderNotPayableException(order.id, order.paymentStatus());
        }
        expireIfDue(order);
        if (PaymentTransitions.allows(Cause.CLAIM, order.paymentStatus(), PaymentStatus.ON_HOLD, order.expired())) {
            change(order, PaymentStatus.ON_HOLD, Cause.CLAIM, Actor.SYSTEM, null);
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
        change(order, target, Cause.CHAIN, Actor.CHAIN, null);
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
        change(order, PaymentStatus.CANCELLED, Cause.EXPIRY, Actor.SYSTEM, null);
        return true;
    }

    private void change(Order order, PaymentStatus target, Cause cause, Actor actor, String reason) {
        PaymentStatus from = order.paymentStatus();
        Instant now = clock.instant();
        order.setPaymentStatus(target);
        lifecycleAfterPayment(order, target, cause, actor, reason);
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
    private void lifecycleAfterPayment(Order order, PaymentStatus to, Cause cause, Actor actor, String reason) {
        if (to == PaymentStatus.CONFIRMED && cause == Cause.CHAIN) {
            followPayment(order, LifecycleStatus.PAID, Actor.CHAIN, "payment confirmed on chain");
        } else if (to == PaymentStatus.CANCELLED && cause == Cause.STORE) {
            followPayment(order, LifecycleStatus.CANCELLED, actor, reason);
        }
    }

    private void followPayment(Order order, LifecycleStatus to, Actor actor, String reason) {
        LifecycleStatus from = order.lifecycleStatus();
        if (from == to || from != LifecycleStatus.CREATED) {
            return; // only an order still waiting for its payment follows its payment
        }
        if (!LifecycleTransitions.allows(from, to, null)) {
            throw new IllegalStateException("order " + order.id + " is " + from + ": its payment cannot make it " + to);
        }
        moveLifecycle(order, to, actor, reason);
    }

    private void moveLifecycle(Order order, LifecycleStatus to, Actor actor, String reason) {
        LifecycleStatus from = order.lifecycleStatus();
        // a held or disputed order remembers where it was: its release or resolution goes back there
        boolean parking = to == LifecycleStatus.HELD || to == LifecycleStatus.DISPUTED;
        order.setLifecycleStatus(to, parking ? from : null);
        Instant now = clock.instant();
        order.updatedAt = now;
        lifecycleChanges.fire(new LifecycleStatusChanged(order.id, order.storeId, from, to, actor, reason, now));
    }
}
