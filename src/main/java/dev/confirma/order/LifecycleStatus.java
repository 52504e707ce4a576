package dev.confirma.order;

/**
 * Where an order stands in the merchant's business once created (CONTRACT §7): paid by the
 * chain, then fulfilled, shipped, delivered, or held, returned, refunded, disputed, cancelled.
 * It moves only through {@link LifecycleTransitions}; its payment has a status of its own.
 */
public enum LifecycleStatus {
    CREATED,
    PAID,
    FULFILLED,
    SHIPPED,
    DELIVERED,
    HELD,
    CANCELLED,
    RETURNED,
    REFUNDED,
    DISPUTED;

    /** Nothing moves it any more. */
    public boolean isTerminal() {
        return this == CANCELLED || this == REFUNDED;
    }
}
