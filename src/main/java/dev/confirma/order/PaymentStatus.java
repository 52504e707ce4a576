package dev.confirma.order;

/**
 * Where an order's payment stands (CONTRACT §3): waiting, seen, then confirmed or failed, or
 * cancelled. Each adapter spells it its own way; the core only names it.
 */
public enum PaymentStatus {
    /** Waiting for payment. */
    PENDING,
    /** A payment (or a claimed hash) is seen, waiting for the chain's confirmations. */
    ON_HOLD,
    /** Enough confirmations, and the amount received covers the amount due. */
    CONFIRMED,
    /** Confirmed but short, or the claimed transaction does not pay the order. */
    FAILED,
    /** Expired unpaid, or cancelled. */
    CANCELLED;

    /** Unpaid orders are the ones a shopper may still pay and a re-post returns. */
    public boolean isUnpaid() {
        return this == PENDING || this == ON_HOLD;
    }
}
