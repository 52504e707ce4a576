package dev.confirma.order;

/**
 * What was unusual about an order's payment, kept beside its status rather than as more
 * statuses (as BTCPay Server does): the amount fell short or went over, or it came after the
 * order expired. Decided by the chain's verdict on the order's credited payments.
 */
public enum PaymentException {
    /** Less than the amount due arrived (beyond the tolerance, if any). */
    PARTIAL,
    /** More than the amount due arrived. */
    OVER,
    /** The whole amount arrived, after the order expired but inside its late-payment window. */
    LATE;

    /**
     * The exception of payments that cover {@code share} of the amount due (1 is exactly the
     * amount), where {@code enough} says whether the share is accepted: the amount matters more
     * to a merchant than the time, so a short or excess payment is named as such even when late.
     */
    public static PaymentException of(boolean enough, boolean over, boolean late) {
        if (!enough) {
            return PARTIAL;
        }
        if (over) {
            return OVER;
        }
        return late ? LATE : null;
    }
}
