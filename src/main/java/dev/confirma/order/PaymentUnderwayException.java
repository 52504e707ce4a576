package dev.confirma.order;

import dev.confirma.common.DomainException;

/** A merchant asked to cancel an order whose payment has arrived and waits for confirmations: cancelling would strand it. */
public class PaymentUnderwayException extends DomainException {

    public PaymentUnderwayException(String orderId) {
        super("Order " + orderId + " has a payment on chain waiting for confirmations and cannot be cancelled now;"
                + " once it is paid, cancel or refund it as a paid order");
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "payment_underway";
    }
}
