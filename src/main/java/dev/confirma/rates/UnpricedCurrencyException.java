package dev.confirma.rates;

import dev.confirma.common.DomainException;

/** Every rate provider answered and none quotes this currency: no rate will come, whatever the wait. */
public class UnpricedCurrencyException extends DomainException {

    private final String currency;

    public UnpricedCurrencyException(String currency) {
        super(currency + " is not quoted by any rate provider");
        this.currency = currency;
    }

    public String currency() {
        return currency;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String code() {
        return "unpriced_currency";
    }
}
