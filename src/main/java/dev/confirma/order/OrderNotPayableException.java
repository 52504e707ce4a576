package dev.confirma.order;

import dev.confirma.common.DomainException;

/** A payment was claimed for an order that takes no more payments: final, or past its late-payment window. */
public class OrderNotPayableException extends DomainException {

    private final String orderId;
    private final PaymentStatus status;

    public OrderNotPayableException(String orderId, PaymentStatus status) {
        super("Order " + orderId + " is " + status + " and takes no more payments");
        this.orderId = orderId;
        this.status = status;
    }

    public String orderId() {
        return orderId;
    }

    public PaymentStatus status() {
        return status;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "order_not_payable";
    }
}
