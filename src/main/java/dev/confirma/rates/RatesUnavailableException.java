package dev.confirma.rates;

import dev.confirma.common.DomainException;

/** No fresh market rate for a currency: the checkout is refused for now (503), never priced from a guess. */
public class RatesUnavailableException extends DomainException {

    public RatesUnavailableException(String currency) {
        super("market rates unavailable for " + currency);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }

    @Override
    public String code() {
        return "rates_unavailable";
    }
}
