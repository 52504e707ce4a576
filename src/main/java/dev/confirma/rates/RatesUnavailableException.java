package dev.confirma.rates;

import dev.confirma.common.error.ApiException;

/** No fresh market rate for a currency: the checkout answers 503 and is not priced from a guess. */
public class RatesUnavailableException extends ApiException {

    public RatesUnavailableException(String currency) {
        super(503, "rates_unavailable", "market rates unavailable for " + currency, null);
    }
}
