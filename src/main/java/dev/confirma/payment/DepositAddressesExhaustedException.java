package dev.confirma.payment;

import dev.confirma.common.DomainException;

/** The store has used every address its xpub can derive (2^31). */
public class DepositAddressesExhaustedException extends DomainException {

    public DepositAddressesExhaustedException() {
        super("This store has used all 2^31 addresses of its xpub; register a new account's xpub");
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "deposit_addresses_exhausted";
    }
}
