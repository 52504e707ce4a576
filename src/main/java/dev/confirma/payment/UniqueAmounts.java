package dev.confirma.payment;

import dev.confirma.common.Contention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Hands out the amounts due at shared wallets so that no two open orders are asked the same
 * amount of one asset at one address: a payment arriving without a claim names its order by
 * its amount. Amounts come from ladders, one per asset, address and amount due, whose rungs are
 * {@code due}, {@code due + 1}, … base units. A checkout takes the rung free the longest, or adds
 * one on top, under the ladder's row lock, in a short transaction of its own: concurrent
 * checkouts at one price queue for a millisecond instead of failing, the cost does not grow
 * with the number of open orders, and a ladder is only as tall as the most orders ever open at
 * that amount at once (10,000 open orders at one price: at most 9,999 base units more).
 */
@Singleton
public class UniqueAmounts {

    private static final Logger LOG = Logger.getLogger(UniqueAmounts.class);
    /** Attempts of the short transaction; only a race that cannot repeat forever (see {@link #take}) needs another. */
    static final int ATTEMPTS = 8;
    /** Taken amounts read at once while looking for the first free one above a ladder's top. */
    private static final int PAGE = 16;

    /** A quote's amount due at a shared wallet, before it is made unique. */
    public record Wanted(String protocol, String asset, String address, BigInteger due) {
    }

    /**
     * Reserves a unique amount for each wanted quote, for {@code orderId} until {@code until}, and
     * commits at once: call it outside any transaction, before the order's own. The order's row
     * need not exist yet; if it is never written (or this fails half-way), {@link #release} frees the amounts. A first
     * checkout at a new amount due racing another for the ladder's creation, or two ladders'
     * tops meeting at one amount, fail on a key and are tried again, a bounded number of times.
     */
    public Map<Wanted, BigInteger> take(String orderId, Collection<Wanted> wanted, Instant now, Instant until) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        // ladders taken in one order everywhere, so checkouts with several quotes queue the same way
        List<Wanted> ordered = wanted.stream()
                .sorted(Comparator.comparing(Wanted::protocol).thenComparing(Wanted::asset).thenComparing(Wanted::address)
                        .thenComparing(Wanted::due))
                .toList();
        // one short transaction per ladder: a ladder's lock is held only while its own rung is taken,
        // so checkouts at one price pass through an order's ladders one after another, side by side
        Map<Wanted, BigInteger> amounts = new LinkedHashMap<>();
        for (Wanted quote : ordered) {
            amounts.put(quote, Contention.retrying(ATTEMPTS,
                    () -> QuarkusTransaction.requiringNew().call(() -> takeOne(quote, orderId, now, until))));
        }
        return amounts;
    }

    /**
     * Frees the order's amounts from {@code now} (a reservation holds until its end, exclusive):
     * the order is final, or it was never written. A rung stays on its ladder for the next order
     * asked the same amount due.
     */
    public static void release(String orderId, Instant now) {
        ReservedAmount.update("reservedUntil = ?1 where orderId = ?2 and reservedUntil > ?1", now, orderId);
    }

    private static BigInteger takeOne(Wanted quote, String orderId, Instant now, Instant until) {
        EntityManager em = ReservedAmount.getEntityManager();
        Optional<BigInteger> top = lockLadder(em, quote);
        if (top.isEmpty()) {
            // the first order at this amount due: a new ladder, with no free rung to look for
            BigInteger amount = firstFreeFrom(em, quote, quote.due());
            addRung(em, quote, amount, orderId, until);
            // a checkout making the same ladder at this moment makes this insert fail on the key: take() tries again
            em.createNativeQuery("INSERT INTO amount_ladders (protocol, asset, address, due_base_units, next_base_units)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, quote.protocol()).setParameter(2, quote.asset()).setParameter(3, quote.address())
                    .setParameter(4, quote.due()).setParameter(5, amount.add(BigInteger.ONE))
                    .executeUpdate();
            return amount;
        }
        List<?> free = em.createNativeQuery("SELECT amount_base_units FROM reserved_amounts"
                        + " WHERE protocol = ?1 AND asset = ?2 AND address = ?3 AND due_base_units = ?4 AND reserved_until <= ?5"
                        + " ORDER BY reserved_until FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, quote.protocol()).setParameter(2, quote.asset()).setParameter(3, quote.address())
                .setParameter(4, quote.due()).setParameter(5, now)
                .getResultList();
        if (!free.isEmpty()) {
            BigInteger amount = integer(free.get(0));
            em.createNativeQuery("UPDATE reserved_amounts SET order_id = ?1, reserved_until = ?2"
                            + " WHERE protocol = ?3 AND asset = ?4 AND address = ?5 AND amount_base_units = ?6")
                    .setParameter(1, orderId).setParameter(2, until).setParameter(3, quote.protocol())
                    .setParameter(4, quote.asset()).setParameter(5, quote.address()).setParameter(6, amount)
                    .executeUpdate();
            return amount;
        }
        BigInteger amount = firstFreeFrom(em, quote, top.get());
        addRung(em, quote, amount, orderId, until);
        em.createNativeQuery("UPDATE amount_ladders SET next_base_units = ?1"
                        + " WHERE protocol = ?2 AND asset = ?3 AND address = ?4 AND due_base_units = ?5")
                .setParameter(1, amount.add(BigInteger.ONE)).setParameter(2, quote.protocol()).setParameter(3, quote.asset())
                .setParameter(4, quote.address()).setParameter(5, quote.due())
                .executeUpdate();
        return amount;
    }

    private static void addRung(EntityManager em, Wanted quote, BigInteger amount, String orderId, Instant until) {
        em.createNativeQuery("INSERT INTO reserved_amounts"
                        + " (protocol, asset, address, amount_base_units, due_base_units, order_id, reserved_until)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, quote.protocol()).setParameter(2, quote.asset()).setParameter(3, quote.address())
                .setParameter(4, amount).setParameter(5, quote.due()).setParameter(6, orderId).setParameter(7, until)
                .executeUpdate();
    }

    /** Locks the quote's ladder and returns the amount above its top rung; empty when there is no ladder at this amount due yet. */
    private static Optional<BigInteger> lockLadder(EntityManager em, Wanted quote) {
        List<?> next = em.createNativeQuery("SELECT next_base_units FROM amount_ladders"
                        + " WHERE protocol = ?1 AND asset = ?2 AND address = ?3 AND due_base_units = ?4 FOR UPDATE")
                .setParameter(1, quote.protocol()).setParameter(2, quote.asset()).setParameter(3, quote.address())
                .setParameter(4, quote.due())
                .getResultList();
        return next.stream().findFirst().map(UniqueAmounts::integer);
    }

    /**
     * The lowest amount at or above {@code from} that no order at this address holds. Usually
     * {@code from} itself; a nearby amount due's ladder may have grown into it, then the search
     * walks past that ladder's rungs.
     */
    private static BigInteger firstFreeFrom(EntityManager em, Wanted quote, BigInteger from) {
        BigInteger candidate = from;
        while (true) {
            List<?> taken = em.createNativeQuery("SELECT amount_base_units FROM reserved_amounts"
                            + " WHERE protocol = ?1 AND asset = ?2 AND address = ?3 AND amount_base_units >= ?4"
                            + " ORDER BY amount_base_units FETCH FIRST " + PAGE + " ROWS ONLY")
                    .setParameter(1, quote.protocol()).setParameter(2, quote.asset()).setParameter(3, quote.address())
                    .setParameter(4, candidate)
                    .getResultList();
            for (Object row : taken) {
                if (integer(row).compareTo(candidate) > 0) {
                    return candidate;
                }
                candidate = candidate.add(BigInteger.ONE);
            }
            if (taken.size() < PAGE) {
                return candidate;
            }
            LOG.debugf("%s %s at %s: amounts from %s taken by other amounts due, looking further", quote.protocol(),
                    quote.asset(), quote.address(), from);
        }
    }

    private static BigInteger integer(Object column) {
        return column instanceof BigDecimal decimal ? decimal.toBigIntegerExact() : (BigInteger) column;
    }
}
