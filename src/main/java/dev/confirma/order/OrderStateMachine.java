package dev.confirma.order;

import dev.confirma.common.error.ApiException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The only class that changes an order's {@code paymentStatus}. Every change goes through
 * the transition table below; a change the table does not allow is refused, never forced.
 */
@Singleton
public class OrderStateMachine {

    /** What a store (through its plugin) may move an order to, from each status. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> STORE_TRANSITIONS = Map.of(
            PaymentStatus.PENDING, EnumSet.of(PaymentStatus.ON_HOLD, PaymentStatus.FAILED, PaymentStatus.CANCELLED),
            PaymentStatus.ON_HOLD, EnumSet.of(PaymentStatus.FAILED, PaymentStatus.CANCELLED),
            PaymentStatus.CONFIRMED, EnumSet.noneOf(PaymentStatus.class),
            PaymentStatus.FAILED, EnumSet.noneOf(PaymentStatus.class),
            PaymentStatus.CANCELLED, EnumSet.noneOf(PaymentStatus.class));

    private final Clock clock;

    OrderStateMachine(Clock clock) {
        this.clock = clock;
    }

    /** A new order's first status: pending, or on-hold when the plugin says so. */
    public void open(Order order, PaymentStatus initial) {
        if (!initial.isUnpaid()) {
            throw new IllegalArgumentException("an order opens unpaid, not " + initial);
        }
        order.setPaymentStatus(initial);
    }

    /** A store asks for {@code target}; returns whether anything changed. */
    public boolean requestByStore(Order order, PaymentStatus target) {
        PaymentStatus from = order.paymentStatus();
        if (from == target) {
            return false;
        }
        if (!STORE_TRANSITIONS.get(from).contains(target)) {
            throw ApiException.conflict("invalid_status_transition",
                    "Order " + order.id + " is " + from.wire() + " and cannot become " + target.wire());
        }
        change(order, target);
        return true;
    }

    /** A transaction hash was attached: the payment is seen, waiting for the chain. */
    public void paymentClaimed(Order order) {
        if (!order.paymentStatus().isUnpaid()) {
            throw ApiException.conflict("order_not_payable",
                    "Order " + order.id + " is " + order.paymentStatus().wire() + " and takes no more payments");
        }
        if (order.paymentStatus() == PaymentStatus.PENDING) {
            change(order, PaymentStatus.ON_HOLD);
        }
    }

    /** What the chain may move an open order to: seen, then confirmed or failed. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> CHAIN_TRANSITIONS = Map.of(
            PaymentStatus.PENDING, EnumSet.of(PaymentStatus.ON_HOLD, PaymentStatus.CONFIRMED, PaymentStatus.FAILED),
            PaymentStatus.ON_HOLD, EnumSet.of(PaymentStatus.CONFIRMED, PaymentStatus.FAILED));

    /** The chain's verdict on an open order's payments; returns whether anything changed. */
    public boolean decidedByChain(Order order, PaymentStatus target) {
        PaymentStatus from = order.paymentStatus();
        if (from == target) {
            return false;
        }
        if (!CHAIN_TRANSITIONS.getOrDefault(from, Set.of()).contains(target)) {
            throw new IllegalStateException("order " + order.id + " is " + from.wire() + ": the chain cannot make it " + target.wire());
        }
        change(order, target);
        return true;
    }

    /** A pending order past its expiry is cancelled: its quotes no longer hold. */
    public boolean expireIfDue(Order order) {
        if (order.paymentStatus() == PaymentStatus.PENDING && !clock.instant().isBefore(order.expiresAt)) {
            change(order, PaymentStatus.CANCELLED);
            return true;
        }
        return false;
    }

    private void change(Order order, PaymentStatus target) {
        order.setPaymentStatus(target);
        order.updatedAt = clock.instant();
    }
}
