package dev.confirma.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldShowFiatWithItsMinorDigits() {
        assertEquals("12.50", Money.format(new BigDecimal("12.500000000000000000"), "USD"));
        assertEquals("1000", Money.format(new BigDecimal("1E+3"), "JPY"));
        assertEquals("0.123", Money.format(new BigDecimal("0.123"), "BRL"));
        assertEquals("1.000", Money.format(new BigDecimal("1"), "KWD"));
    }

    @Test
    void shouldShowCryptoWithTheDigitsItHas() {
        assertEquals("0.000000000000000001", Money.format(new BigDecimal("1E-18"), "ETH"));
        assertEquals("12.5", Money.format(new BigDecimal("12.500000"), "cUSD"));
        assertEquals("100", Money.format(new BigDecimal("100.000"), null));
    }

    @Test
    void shouldCountOnlySignificantDecimals() {
        assertEquals(1, Money.significantScale(new BigDecimal("1.500")));
        assertEquals(0, Money.significantScale(new BigDecimal("1E+3")));
        assertEquals(19, Money.significantScale(new BigDecimal("0.1234567890123456789")));
    }
}
