package dev.confirma.reporting;

import dev.confirma.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Rounds report amounts to their currency: an ISO currency's minor digits, half-even; anything else to 18 places. */
final class CurrencyScale {

    static final int CRYPTO_SCALE = 18;

    private CurrencyScale() {
    }

    static int of(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException notIso) {
            return CRYPTO_SCALE;
        }
    }

    /** The amount rounded to the currency and spelled as the v1 API does (decimal string, fiat keeps its minor digits). */
    static String format(BigDecimal amount, String currency) {
        return amount == null ? null : Money.format(round(amount, currency), currency);
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(of(currency), RoundingMode.HALF_EVEN);
    }
}
