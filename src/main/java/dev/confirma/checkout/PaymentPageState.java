package dev.confirma.checkout;

import dev.confirma.order.Order;
import dev.confirma.order.PaymentException;
import java.time.Instant;

/** What the shopper sees, derived from the order; the page and its JSON name it in lower case. */
public enum PaymentPageState {
    /** Unpaid and inside its time: pay now. */
    WAITING,
    /** A payment (or a claimed hash) is waiting for its confirmations. */
    SEEN,
    CONFIRMED,
    /** Confirmed payments that add up to less than the amount due. */
    SHORT,
    /** The claimed transaction does not pay this order (reverted, another address or asset). */
    FAILED,
    /** Unpaid past its time (a payment inside the late window is still credited). */
    EXPIRED,
    /** Cancelled by the store. */
    CANCELLED;

    public static PaymentPageState of(Order order, Instant now) {
        return switch (order.paymentStatus()) {
            case PENDING -> now.isBefore(order.expiresAt) ? WAITING : EXPIRED;
            case ON_HOLD -> SEEN;
            case CONFIRMED -> CONFIRMED;
            case FAILED -> order.paymentException == PaymentException.PARTIAL ? SHORT : FAILED;
            case CANCELLED -> order.expired() ? EXPIRED : CANCELLED;
        };
    }

    /** No payment can change it any more, so the page stops asking. */
    public boolean isFinal() {
        return this == CONFIRMED || this == SHORT || this == FAILED || this == CANCELLED;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
