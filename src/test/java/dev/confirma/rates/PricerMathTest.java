package dev.confirma.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amounts due against base units computed by hand. */
class PricerMathTest {

    private static UnitsPerOrderCurrency fiat(String price) {
        return new UnitsPerOrderCurrency("X", BigDecimal.ONE, new BigDecimal(price), List.of("test"), Instant.EPOCH);
    }

    private static BigInteger due(String total, UnitsPerOrderCurrency units, int decimals) {
        return Pricer.amountDue(new BigDecimal(total), units, decimals);
    }

    @Test
    void shouldPriceUsdOrderInCeloWith18Decimals() {
        // 12.50 USD at 0.5 USD per CELO = 25 CELO
        assertEquals(new BigInteger("25000000000000000000"), due("12.50", fiat("0.5"), 18));
    }

    @Test
    void shouldPriceBrlOrderInUsdcWith6DecimalsRoundingUp() {
        // 49.90 / 5.33 = 9.36210131…: 9.362101 USDC would be 49.89999833 BRL, short; 9.362102 is the least that covers it
        assertEquals(BigInteger.valueOf(9_362_102), due("49.90", fiat("5.33"), 6));
    }

    @Test
    void shouldRoundUpByOneBaseUnitRatherThanUnderCharge() {
        // 1 USD at 3 USD per CELO = 0.333… CELO: the 18th decimal rounds up
        assertEquals(new BigInteger("333333333333333334"), due("1", fiat("3"), 18));
        // an exact division is not rounded at all
        assertEquals(new BigInteger("500000000000000000"), due("1", fiat("2"), 18));
    }

    @Test
    void shouldApplyMarkupAndDiscountToEurOrder() {
        // 100 EUR × 1.02 × 0.99 = 100.98 EUR; at 1800 EUR per ETH = 0.0561 ETH
        BigDecimal adjusted = Pricer.adjustedTotal(new BigDecimal("100"), new BigDecimal("2"), new BigDecimal("1"));
        assertEquals(0, new BigDecimal("100.98").compareTo(adjusted));
        assertEquals(new BigInteger("56100000000000000"), Pricer.amountDue(adjusted, fiat("1800"), 18));
    }

    @Test
    void shouldPriceCryptoOrderCurrencyThroughUsd() {
        // 0.1 ETH order paid in USDC: 0.1 × 2000 USD / 1.0 USD = 200 USDC
        UnitsPerOrderCurrency usdcPerEth = new UnitsPerOrderCurrency("USDC", new BigDecimal("2000"), new BigDecimal("1.0"),
                List.of("test"), Instant.EPOCH);
        assertEquals(BigInteger.valueOf(200_000_000), due("0.1", usdcPerEth, 6));
        // a de-pegged USDC at 0.999 USD is not taken at 1: 200 / 0.999 = 200.2002002…, rounded up
        UnitsPerOrderCurrency depegged = new UnitsPerOrderCurrency("USDC", new BigDecimal("2000"), new BigDecimal("0.999"),
                List.of("test"), Instant.EPOCH);
        assertEquals(BigInteger.valueOf(200_200_201), due("0.1", depegged, 6));
    }

    @Test
    void shouldPriceOrderInTheAssetItselfOneForOne() {
        assertEquals(new BigInteger("1234500000000000000"), due("1.2345", UnitsPerOrderCurrency.identity("ETH", Instant.EPOCH), 18));
        assertEquals(BigInteger.valueOf(1), due("0.000001", UnitsPerOrderCurrency.identity("USDC", Instant.EPOCH), 6));
    }
}
