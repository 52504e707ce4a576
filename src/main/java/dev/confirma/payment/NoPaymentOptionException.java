package dev.confirma.payment;

import dev.confirma.common.DomainException;

/**
 * A store that cannot be paid in anything: the message names what is missing (enabled chains,
 * the store's wallets, its accepted assets) so an operator learns who must fix it.
 */
public class NoPaymentOptionException extends DomainException {

    public NoPaymentOptionException(String reason) {
        super("No payment option for this store: " + reason);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String code() {
        return "no_payment_option";
    }
}
