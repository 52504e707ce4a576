package dev.confirma.refund;

import dev.confirma.common.DomainException;

/** The transaction is already another refund's: one transaction counts for one refund only. */
public class TransactionAlreadyRefundedException extends DomainException {

    public TransactionAlreadyRefundedException(String protocol, String hash) {
        super("Transaction " + hash + " on " + protocol + " is already recorded as a refund; each refund needs its own transaction");
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "transaction_already_refunded";
    }
}
