package dev.confirma.plugin;

import dev.confirma.common.error.ApiException;

/**
 * A transaction hash submitted for an order the chain already decided was paid short: the
 * Cryptum API answers it with a 400 that carries the order's identity and transactions.
 */
public class ShortPaymentException extends ApiException {

    public static final String MESSAGE = "Invalid transaction: received amount is less than order total";

    private final String orderId;

    ShortPaymentException(String orderId) {
        super(400, "amount_less_than_total", MESSAGE, "transactionHash");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
