package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.common.DomainException;
import java.util.Optional;

/** One transaction pays one order, ever: this hash already paid another. */
public class TransactionAlreadyUsedException extends DomainException {

    public TransactionAlreadyUsedException(String hash, Optional<Protocol> chain) {
        super("Transaction " + hash + chain.map(c -> " on " + c.name()).orElse("")
                + " already paid another order and cannot pay this one; pay this order with a new transaction");
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "transaction_already_used";
    }
}
