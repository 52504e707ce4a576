package dev.confirma.order;

import dev.confirma.common.DomainException;

/** A merchant asked to cancel an order whose payment has arrived and waits for confirmations: cancelling would strand it. */
public class PaymentUnderwayException extends DomainException {

    public PaymentUnderwayException(String orderId) {
        super("Order " + orderId + " has a payment on its way (seen on chain, or its transaction hash claimed) and cannot be"
                + " cancelled now; once the chain has decided it, cancel or refund the order");
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
