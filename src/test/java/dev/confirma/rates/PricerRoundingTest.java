package dev.confirma.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rounding of amounts due (hand-computed cases are in {@link PricerMathTest}): always up
 * to the asset's base unit, never down, an exact amount left as it is, and markup and discount
 * applied exactly; checked on seeded random totals and rates too.
 */
class PricerRoundingTest {

    private static final int CASES = 10_000;

    private static UnitsPerOrderCurrency rate(BigDecimal numerator, BigDecimal denominator) {
        return new UnitsPerOrderCurrency("X", numerator, denominator, List.of("test"), Instant.EPOCH);
    }

    private static BigInteger due(String total, int decimals) {
        return Pricer.amountDue(new BigDecimal(total), UnitsPerOrderCurrency.identity("X", Instant.EPOCH), decimals);
    }

    @Test
    void shouldRoundUpEvenTheSmallestExcessOverABaseUnit() {
        assertEquals(BigInteger.valueOf(1_000_001), due("1.0000001", 6));
        assertEquals(BigInteger.valueOf(1_000_001), due("1.000000000000000000000000001", 6));
        assertEquals(BigInteger.ONE, due("0.0000000000000000001", 18));
        assertEquals(new BigInteger("1000000000000000001"), due("1.0000000000000000009", 18));
    }

    @Test
    void shouldKeepAnAmountOfWholeBaseUnitsAsItIs() {
        assertEquals(BigInteger.valueOf(1_000_000), due("1.000000000000", 6));
        assertEquals(BigInteger.valueOf(123_456), due("0.123456", 6));
        assertEquals(new BigInteger("1"), due("1E-18", 18));
        // 12.34 USD at 1.234 USD per unit: exactly 10
        assertEquals(BigInteger.valueOf(10_000_000), Pricer.amountDue(new BigDecimal("12.34"),
                rate(BigDecimal.ONE, new BigDecimal("1.234")), 6));
    }

    @Test
    void shouldNotLetAnEqualDiscountUndoTheMarkup() {
        // 100 × 1.10 × 0.90 = 99, not 100
        assertEquals(0, new BigDecimal("99").compareTo(Pricer.adjustedTotal(new BigDecimal("100"), BigDecimal.TEN, BigDecimal.TEN)));
        assertEquals(0, new BigDecimal("100").compareTo(Pricer.adjustedTotal(new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO)));
        // a fractional markup keeps every digit: 49.90 × 1.025 = 51.14750
        assertEquals(0, new BigDecimal("51.1475").compareTo(
                Pricer.adjustedTotal(new BigDecimal("49.90"), new BigDecimal("2.5"), BigDecimal.ZERO)));
    }

    /**
     * For random totals, rates and 6- or 18-decimal assets: the amount due N is the least number
     * of base units worth the total, checked exactly (N covers it, N − 1 does not), and equal to the
     * quotient to 60 more places, rounded up to the base unit.
     */
    @Test
    void shouldChargeTheLeastBaseUnitsThatCoverTheTotalOnGeneratedInputs() {
        long seed = Long.getLong("confirma.test.seed", 20_240_514L);
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            String where = "case " + i + " of seed " + seed;
            int decimals = random.nextInt(4) == 0 ? random.nextInt(19) : random.nextBoolean() ? 6 : 18;
            BigDecimal total = positive(random, 40, 4 + random.nextInt(15));
            UnitsPerOrderCurrency units = rate(positive(random, 40, random.nextInt(12)), positive(random, 40, random.nextInt(12)));

            BigInteger due = Pricer.amountDue(total, units, decimals);

            // N / 10^d × denominator ≥ total × numerator > (N − 1) / 10^d × denominator, all exact
            BigDecimal worth = total.multiply(units.numerator());
            assertTrue(new BigDecimal(due, decimals).multiply(units.denominator()).compareTo(worth) >= 0, where + ": never short");
            assertTrue(new BigDecimal(due.subtract(BigInteger.ONE), decimals).multiply(units.denominator()).compareTo(worth) < 0,
                    where + ": not one base unit more than needed");
            BigDecimal exact = worth.divide(units.denominator(), decimals + 60, RoundingMode.CEILING);
            assertEquals(exact.setScale(decimals, RoundingMode.CEILING).unscaledValue(), due, where);
        }
    }

    @Test
    void shouldLeaveWholeBaseUnitsUnroundedOnGeneratedInputs() {
        Random random = new Random(Long.getLong("confirma.test.seed", 20_240_514L));
        for (int i = 0; i < CASES; i++) {
            int decimals = random.nextBoolean() ? 6 : 18;
            BigInteger baseUnits = new BigInteger(1 + random.nextInt(80), random).add(BigInteger.ONE);
            BigDecimal pricePerUnit = positive(random, 40, random.nextInt(10));
            // a total worth exactly baseUnits at pricePerUnit order-currency units per asset unit
            BigDecimal total = new BigDecimal(baseUnits, decimals).multiply(pricePerUnit);
            assertEquals(baseUnits, Pricer.amountDue(total, rate(BigDecimal.ONE, pricePerUnit), decimals), "case " + i);
        }
    }

    @Test
    void shouldApplyMarkupAndDiscountExactlyOnGeneratedInputs() {
        Random random = new Random(Long.getLong("confirma.test.seed", 20_240_514L));
        BigDecimal tenThousand = BigDecimal.valueOf(10_000);
        for (int i = 0; i < CASES; i++) {
            String where = "case " + i;
            BigDecimal total = positive(random, 40, random.nextInt(8));
            BigDecimal markup = BigDecimal.valueOf(random.nextInt(5_001), random.nextInt(3)); // up to 50 %, 0-2 decimals
            BigDecimal discount = BigDecimal.valueOf(random.nextInt(5_001), random.nextInt(3));
            BigDecimal expected = total.multiply(BigDecimal.valueOf(100).add(markup))
                    .multiply(BigDecimal.valueOf(100).subtract(discount))
                    .divide(tenThousand); // exact: a power of ten
            BigDecimal adjusted = Pricer.adjustedTotal(total, markup, discount);
            assertEquals(0, expected.compareTo(adjusted), where + ": " + adjusted + " vs " + expected);

            UnitsPerOrderCurrency units = rate(BigDecimal.ONE, positive(random, 30, random.nextInt(8)));
            BigInteger plain = Pricer.amountDue(total, units, 18);
            assertTrue(Pricer.amountDue(Pricer.adjustedTotal(total, markup, BigDecimal.ZERO), units, 18).compareTo(plain) >= 0,
                    where + ": a markup never lowers the amount due");
            assertTrue(Pricer.amountDue(Pricer.adjustedTotal(total, BigDecimal.ZERO, discount), units, 18).compareTo(plain) <= 0,
                    where + ": a discount never raises it");
        }
    }

    /** A positive decimal of up to {@code maxBits} bits of digits and the given scale. */
    private static BigDecimal positive(Random random, int maxBits, int scale) {
        return new BigDecimal(new BigInteger(1 + random.nextInt(maxBits), random).add(BigInteger.ONE), scale);
    }
}
