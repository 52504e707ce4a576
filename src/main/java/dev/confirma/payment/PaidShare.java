package dev.confirma.payment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The share of an order's amount due that its payments cover, as an exact fraction: each
 * payment's base units over the base units its asset's quote asks for, added up. No rounding
 * happens until {@link #ofTotal} turns it into an order-currency amount for people to read.
 */
public final class PaidShare {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Nothing paid yet. */
    public static final PaidShare NOTHING = new PaidShare(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private PaidShare(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** This share plus {@code received} base units of an asset whose quote asks for {@code due} base units. */
    public PaidShare add(BigInteger received, BigInteger due) {
        if (received.signum() < 0) {
            throw new IllegalArgumentException("a payment receives no negative amount: " + received);
        }
        if (due.signum() <= 0) {
            throw new IllegalArgumentException("a quote asks for a positive amount: " + due);
        }
        return new PaidShare(numerator.multiply(due).add(received.multiply(denominator)), denominator.multiply(due));
    }

    /** Whether the payments cover the amount due, less {@code tolerancePercent} of it (0 means all of it). */
    public boolean covers(BigDecimal tolerancePercent) {
        BigDecimal acceptedShare = HUNDRED.subtract(tolerancePercent);
        return new BigDecimal(numerator).multiply(HUNDRED).compareTo(new BigDecimal(denominator).multiply(acceptedShare)) >= 0;
    }

    /** Strictly more than the whole amount due: an overpayment. */
    public boolean exceeds() {
        return numerator.compareTo(denominator) > 0;
    }

    /** What the payments are worth in the order's currency: {@code orderTotal} × this share, to 34 digits. */
    public BigDecimal ofTotal(BigDecimal orderTotal) {
        return orderTotal.multiply(new BigDecimal(numerator)).divide(new BigDecimal(denominator), MathContext.DECIMAL128);
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    /** Equal shares are equal fractions, however they were added up. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PaidShare share && numerator.multiply(share.denominator).equals(share.numerator.multiply(denominator));
    }

    @Override
    public int hashCode() {
        BigInteger gcd = numerator.gcd(denominator);
        return 31 * numerator.divide(gcd).hashCode() + denominator.divide(gcd).hashCode();
    }

    /** As the decisions log it: numerator/denominator, unreduced. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
