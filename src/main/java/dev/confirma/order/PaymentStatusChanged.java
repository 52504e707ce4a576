package dev.confirma.order;

import java.time.Instant;

/**
 * Fired synchronously by {@link OrderStateMachine} inside the transaction that changes an
 * order's {@code paymentStatus}: an observer that writes rows writes them in that same
 * transaction, so they commit or roll back with the change.
 */
public record PaymentStatusChanged(String orderId, String storeId, String callbackUrl, PaymentStatus from,
                                   PaymentStatus to, Cause cause, boolean late,
                                   PaymentException paymentException, Instant at) {

    /** What moved the order. */
    public enum Cause {
        /** The store (its plugin) asked for the status. */
        STORE,
        /** A transaction hash was attached; the chain has not shown it yet. */
        CLAIM,
        /** The chain watcher's verdict on the order's payments. */
        CHAIN,
        /** The order expired unpaid, or its claimed payment never arrived. */
        EXPIRY
    }

    /** A late payment reopened an order that had been cancelled because it expired unpaid. */
    public boolean reopenedByLatePayment() {
        return from == PaymentStatus.CANCELLED && to != PaymentStatus.CANCELLED;
    }
}
