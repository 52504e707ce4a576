package dev.confirma.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Owns how decimal amounts are shown: plain digits, no exponents, scale kept meaningful. */
public final class Money {

    private Money() {
    }

    /**
     * An amount as a plain decimal string. Fiat keeps at least the currency's minor digits
     * ("12.50 USD"); anything else shows the digits it has, without trailing zeros.
     */
    public static String format(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = plain(amount);
        int minorDigits = fiatMinorDigits(currencyCode);
        if (stripped.scale() < minorDigits) {
            stripped = stripped.setScale(minorDigits);
        }
        return stripped.toPlainString();
    }

    /**
     * An amount for people to read in their language: fiat with the locale's symbol and
     * separators ("R$ 49,90", "US$ 12.50"), every digit kept; a crypto asset as plain digits
     * and its symbol ("12.5 cUSD"), since wallets want the exact digits typed back.
     */
    public static String display(BigDecimal amount, String currencyCode, Locale locale) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException notIso) {
            return format(amount, currencyCode) + " " + currencyCode;
        }
        NumberFormat formatter = NumberFormat.getCurrencyInstance(locale);
        formatter.setCurrency(currency);
        int digits = Math.max(Math.max(0, currency.getDefaultFractionDigits()), significantScale(amount));
        formatter.setMinimumFractionDigits(digits);
        formatter.setMaximumFractionDigits(digits);
        return formatter.format(amount);
    }

    /** The same value without trailing zeros or exponent: 2.5000 → 2.5, 1E+1 → 10. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Digits after the point that matter, ignoring trailing zeros ("1.500" has 1). */
    public static int significantScale(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }

    private static int fiatMinorDigits(String currencyCode) {
        if (currencyCode == null) {
            return 0;
        }
        try {
            return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException notIso) {
            return 0;
        }
    }
}
