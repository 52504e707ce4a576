package dev.confirma.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The paid share of an amount due: exact fractions of quotes, the tolerance, overpayment; plain JUnit. */
class PaidShareTest {

    private static final BigDecimal NO_TOLERANCE = BigDecimal.ZERO;
    private static final BigDecimal HALF_PERCENT = new BigDecimal("0.5");
    /** Decimal places of the high-precision reference sums. */
    private static final int DIGITS = 100;
    /** 49.90 BRL in USDC (6 decimals) at 5.33 BRL per USDC, rounded up (PricerMathTest). */
    private static final BigInteger USDC_DUE = BigInteger.valueOf(9_362_102);
    /** 1 USD in CELO (18 decimals) at 3 USD per CELO, rounded up (PricerMathTest). */
    private static final BigInteger CELO_DUE = new BigInteger("333333333333333334");

    private static PaidShare paid(long received, BigInteger due) {
        return PaidShare.NOTHING.add(BigInteger.valueOf(received), due);
    }

    private static PaidShare paid(BigInteger received, BigInteger due) {
        return PaidShare.NOTHING.add(received, due);
    }

    @Test
    void shouldConfirmExactPaymentAndFailOrderWhenPaymentShortByOneBaseUnit() {
        assertTrue(paid(USDC_DUE, USDC_DUE).covers(NO_TOLERANCE));
        assertFalse(paid(USDC_DUE.subtract(BigInteger.ONE), USDC_DUE).covers(NO_TOLERANCE));
        assertTrue(paid(CELO_DUE, CELO_DUE).covers(NO_TOLERANCE));
        assertFalse(paid(CELO_DUE.subtract(BigInteger.ONE), CELO_DUE).covers(NO_TOLERANCE));
        assertFalse(PaidShare.NOTHING.covers(NO_TOLERANCE));
    }

    @Test
    void shouldAddPaymentsInSixAndEighteenDecimalAssetsAsFractionsOfTheirQuotes() {
        // half of each quote: 9_362_102 / 2 USDC base units and 333…334 / 2 CELO base units
        PaidShare halves = PaidShare.NOTHING.add(BigInteger.valueOf(4_681_051), USDC_DUE)
                .add(new BigInteger("166666666666666667"), CELO_DUE);
        assertEquals(paid(1, BigInteger.ONE), halves, "exactly the whole amount due");
        assertTrue(halves.covers(NO_TOLERANCE));
        assertFalse(halves.exceeds());
        assertEquals(0, new BigDecimal("49.90").compareTo(halves.ofTotal(new BigDecimal("49.90"))));

        PaidShare oneWeiShort = PaidShare.NOTHING.add(BigInteger.valueOf(4_681_051), USDC_DUE)
                .add(new BigInteger("166666666666666666"), CELO_DUE);
        assertFalse(oneWeiShort.covers(NO_TOLERANCE), "one base unit of the 18-decimal asset short");
        assertTrue(oneWeiShort.covers(HALF_PERCENT));
    }

    @Test
    void shouldAcceptHalfPercentShortButNotMoreWhenToleranceIsHalfPercent() {
        BigInteger due = BigInteger.valueOf(1_000_000);
        assertTrue(paid(995_000, due).covers(HALF_PERCENT));
        assertFalse(paid(994_999, due).covers(HALF_PERCENT));
        assertFalse(paid(995_000, due).covers(NO_TOLERANCE));
        // 99.5 % of 333 base units is 331.335: 331 is short, 332 is enough
        assertFalse(paid(331, BigInteger.valueOf(333)).covers(HALF_PERCENT));
        assertTrue(paid(332, BigInteger.valueOf(333)).covers(HALF_PERCENT));
    }

    @Test
    void shouldDetectOverpaymentOnlyWhenStrictlyMoreThanDue() {
        assertFalse(paid(USDC_DUE, USDC_DUE).exceeds());
        assertTrue(paid(USDC_DUE.add(BigInteger.ONE), USDC_DUE).exceeds());
        assertFalse(paid(USDC_DUE.subtract(BigInteger.ONE), USDC_DUE).exceeds());
        // a whole quote in one asset and one base unit of another on top
        assertTrue(paid(CELO_DUE, CELO_DUE).add(BigInteger.ONE, USDC_DUE).exceeds());
        assertTrue(paid(2, BigInteger.ONE).covers(NO_TOLERANCE), "an overpayment covers the amount due");
    }

    @Test
    void shouldWorthTheOrderTotalTimesTheShareTo34Digits() {
        // a third of a 10 USD order
        assertEquals(new BigDecimal("3.333333333333333333333333333333333"), paid(1, BigInteger.valueOf(3)).ofTotal(BigDecimal.TEN));
        // 3 of 4 CELO-quoted units and 1 of 4 USDC-quoted units: the whole 12.50
        PaidShare mixed = paid(3, BigInteger.valueOf(4)).add(BigInteger.ONE, BigInteger.valueOf(4));
        assertEquals(0, new BigDecimal("12.50").compareTo(mixed.ofTotal(new BigDecimal("12.50"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(PaidShare.NOTHING.ofTotal(new BigDecimal("12.50"))));
    }

    @Test
    void shouldRefuseAQuoteOfNothingAndANegativePayment() {
        assertThrows(IllegalArgumentException.class, () -> PaidShare.NOTHING.add(BigInteger.ONE, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PaidShare.NOTHING.add(BigInteger.ONE.negate(), BigInteger.TEN));
    }

    @Test
    void shouldCompareSharesAsFractionsAndLogThemUnreduced() {
        PaidShare twoHalves = paid(1, BigInteger.TWO).add(BigInteger.ONE, BigInteger.TWO);
        assertEquals("4/4", twoHalves.toString());
        assertEquals(paid(7, BigInteger.valueOf(7)), twoHalves);
        assertEquals(paid(7, BigInteger.valueOf(7)).hashCode(), twoHalves.hashCode());
        assertFalse(twoHalves.equals(paid(6, BigInteger.valueOf(7))));
    }

    /**
     * Seeded random payments in 6- and 18-decimal assets, checked two ways: against the sum
     * of received / due in BigDecimal at 120 digits (rounded down and up, so a decision is
     * only taken where the two bounds agree), and on shares built to land exactly on the
     * accepted share, one base unit under it, or one over.
     */
    @Test
    void shouldAgreeWithHighPrecisionArithmeticOnGeneratedPayments() {
        long seed = Long.getLong("confirma.test.seed", 20_240_514L);
        Random random = new Random(seed);
        int undecided = 0;
        for (int i = 0; i < 10_000; i++) {
            String where = "case " + i + " of seed " + seed;
            BigDecimal tolerance = tolerance(random);
            BigDecimal accepted = BigDecimal.ONE.subtract(tolerance.movePointLeft(2));
            int payments = 1 + random.nextInt(4);
            boolean onTheEdge = random.nextInt(3) == 0;
            int nudge = onTheEdge ? random.nextInt(3) - 1 : 0; // one base unit under, exactly, one over
            List<BigInteger[]> paid = onTheEdge ? onTheEdge(random, payments, tolerance, nudge) : anyPayments(random, payments);

            PaidShare share = PaidShare.NOTHING;
            BigDecimal low = BigDecimal.ZERO;
            BigDecimal high = BigDecimal.ZERO;
            for (BigInteger[] payment : paid) {
                share = share.add(payment[0], payment[1]);
                low = low.add(new BigDecimal(payment[0]).divide(new BigDecimal(payment[1]), DIGITS, RoundingMode.FLOOR));
                high = high.add(new BigDecimal(payment[0]).divide(new BigDecimal(payment[1]), DIGITS, RoundingMode.CEILING));
            }

            if (low.compareTo(accepted) >= 0) {
                assertTrue(share.covers(tolerance), where + ": at least the lower bound paid, " + accepted + " accepted");
            } else if (high.compareTo(accepted) < 0) {
                assertFalse(share.covers(tolerance), where + ": at most the upper bound paid, " + accepted + " accepted");
            } else {
                undecided++;
            }
            if (low.compareTo(BigDecimal.ONE) > 0) {
                assertTrue(share.exceeds(), where);
            } else if (high.compareTo(BigDecimal.ONE) <= 0) {
                assertFalse(share.exceeds(), where);
            }
            if (onTheEdge) {
                assertEquals(nudge >= 0, share.covers(tolerance), where + ": nudged " + nudge + " from " + accepted);
                assertEquals(tolerance.signum() == 0 && nudge > 0, share.exceeds(), where);
            }

            BigDecimal total = new BigDecimal(BigInteger.valueOf(1 + random.nextInt(1_000_000_000)), random.nextInt(9));
            BigDecimal worth = share.ofTotal(total);
            BigDecimal expected = total.multiply(low).round(MathContext.DECIMAL128);
            assertTrue(worth.subtract(expected).abs().compareTo(worth.ulp().max(expected.ulp())) <= 0,
                    () -> where + ": " + worth + " vs " + expected);
        }
        // 100 places decide all but (perhaps) a handful; the exact edges are checked above by construction anyway
        assertTrue(undecided <= 10, undecided + " cases undecided by the high-precision bounds");
    }

    /** 0, 0.5 % or any tolerance up to 5 % in hundredths. */
    private static BigDecimal tolerance(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> NO_TOLERANCE;
            case 1 -> HALF_PERCENT;
            default -> BigDecimal.valueOf(random.nextInt(501), 2);
        };
    }

    /** A quote of up to about 10 000 whole units of a 6- or 18-decimal asset. */
    private static BigInteger anyDue(Random random) {
        int decimals = random.nextBoolean() ? 6 : 18;
        return new BigInteger(decimals * 10 / 3 + 14, random).add(BigInteger.ONE);
    }

    /** Random quotes, each paid about its even part of the whole (90 to 110 %), or anything up to four times the quote. */
    private static List<BigInteger[]> anyPayments(Random random, int payments) {
        List<BigInteger[]> paid = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            BigInteger due = anyDue(random);
            BigInteger received = random.nextInt(4) == 0
                    ? new BigInteger(due.bitLength() + 1, random)
                    : due.multiply(BigInteger.valueOf(900 + random.nextInt(200))).divide(BigInteger.valueOf(1000L * payments));
            paid.add(new BigInteger[] {received, due});
        }
        return paid;
    }

    /**
     * Payments whose shares add up exactly to the accepted share (100 % less the tolerance,
     * in ten-thousandths), then one base unit taken from or added to one of them.
     */
    private static List<BigInteger[]> onTheEdge(Random random, int payments, BigDecimal tolerance, int nudge) {
        int acceptedTenThousandths = 10_000 - tolerance.movePointRight(2).intValueExact();
        List<Integer> parts = new ArrayList<>();
        int left = acceptedTenThousandths;
        for (int p = 0; p < payments - 1; p++) {
            int part = left == 0 ? 0 : random.nextInt(left + 1);
            parts.add(part);
            left -= part;
        }
        parts.add(left);
        List<Integer> paying = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            if (parts.get(p) > 0) {
                paying.add(p);
            }
        }
        int nudged = paying.get(random.nextInt(paying.size())); // one with something to take a base unit from
        List<BigInteger[]> paid = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            // a quote of k × 10 000 base units: part / 10 000 of it is k × part base units
            BigInteger k = anyDue(random);
            BigInteger received = k.multiply(BigInteger.valueOf(parts.get(p))).add(BigInteger.valueOf(p == nudged ? nudge : 0));
            paid.add(new BigInteger[] {received, k.multiply(BigInteger.valueOf(10_000))});
        }
        return paid;
    }
}
