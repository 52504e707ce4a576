package dev.confirma.order;

import dev.confirma.common.DomainException;

/** The transition table does not allow the order's payment status to move from {@code from} to {@code to}. */
public class InvalidTransitionException extends DomainException {

    private final String orderId;
    private final PaymentStatus from;
    private final PaymentStatus to;

    public InvalidTransitionException(String orderId, PaymentStatus from, PaymentStatus to) {
        super("Order " + orderId + " is " + from + " and cannot become " + to);
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }

    public String orderId() {
        return orderId;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "invalid_status_transition";
    }
}
