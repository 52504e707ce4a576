package dev.confirma.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.Fixtures;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The ladders unique amounts come from, driven directly (the checkout-level races are in
 * {@code CheckoutConcurrencyTest}): dense, reused, not slower when tall, and cleaned up.
 */
@QuarkusTest
class UniqueAmountsTest {

    private static final BigInteger DUE = new BigInteger("12500000");

    @Inject
    UniqueAmounts amounts;

    @Inject
    ReservedAmountSweep sweep;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldHandOutTheAmountDueThenOneBaseUnitMoreEachTime() {
        String address = Fixtures.randomAddress();
        List<BigInteger> taken = IntStream.range(0, 5).mapToObj(i -> takeOne(address, DUE, until())).toList();
        assertEquals(List.of(DUE, DUE.add(BigInteger.ONE), DUE.add(BigInteger.TWO), DUE.add(BigInteger.valueOf(3)),
                DUE.add(BigInteger.valueOf(4))), taken);
    }

    @Test
    void shouldGiveEveryOneOfManyConcurrentTakersAtOnePriceItsOwnAmount() throws Exception {
        String address = Fixtures.randomAddress();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<BigInteger>> takers = IntStream.range(0, 256)
                    .<Callable<BigInteger>>mapToObj(i -> () -> takeOne(address, DUE, until()))
                    .toList();
            Set<BigInteger> distinct = new HashSet<>();
            for (Future<BigInteger> amount : pool.invokeAll(takers)) {
                distinct.add(amount.get());
            }
            assertEquals(256, distinct.size());
            // dense: exactly the 256 lowest amounts from the amount due up
            assertEquals(IntStream.range(0, 256).mapToObj(i -> DUE.add(BigInteger.valueOf(i))).collect(java.util.stream.Collectors.toSet()),
                    distinct);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldHandAFreedAmountToTheNextOrderAtThatPrice() {
        String address = Fixtures.randomAddress();
        String first = UUID.randomUUID().toString();
        BigInteger firstAmount = take(first, address, DUE, until());
        BigInteger secondAmount = takeOne(address, DUE, until());
        QuarkusTransaction.requiringNew().run(() -> UniqueAmounts.release(first, now()));
        TestClockProducer.clock().advance(Duration.ofSeconds(1));

        assertEquals(firstAmount, takeOne(address, DUE, until()), "the freed amount is given again");
        assertEquals(secondAmount.add(BigInteger.ONE), takeOne(address, DUE, until()), "then the ladder grows again");
    }

    @Test
    void shouldHandAnAmountWhoseReservationRanOutToTheNextOrder() {
        String address = Fixtures.randomAddress();
        BigInteger expiring = takeOne(address, DUE, now().plusSeconds(60));
        TestClockProducer.clock().advance(Duration.ofSeconds(61));
        assertEquals(expiring, takeOne(address, DUE, until()));
    }

    @Test
    void shouldStepPastANearbyPricesAmountsInsteadOfSharingOne() {
        String address = Fixtures.randomAddress();
        IntStream.range(0, 40).forEach(i -> takeOne(address, DUE, until())); // DUE … DUE+39
        BigInteger nearby = DUE.add(BigInteger.TEN);
        assertEquals(DUE.add(BigInteger.valueOf(40)), takeOne(address, nearby, until()), "first amount above the other ladder");
        assertEquals(DUE.add(BigInteger.valueOf(41)), takeOne(address, DUE, until()), "the first ladder steps past it too");
        assertEquals(DUE.add(BigInteger.valueOf(42)), takeOne(address, nearby, until()));
        BigInteger below = DUE.subtract(BigInteger.TWO);
        assertEquals(below, takeOne(address, below, until()));
        assertEquals(below.add(BigInteger.ONE), takeOne(address, below, until()));
        assertEquals(DUE.add(BigInteger.valueOf(43)), takeOne(address, below, until()), "stepped past everything above");
    }

    @Test
    void shouldKeepAmountsOfOtherAssetsAddressesAndChainsApart() {
        String address = Fixtures.randomAddress();
        String order = UUID.randomUUID().toString();
        Map<UniqueAmounts.Wanted, BigInteger> first = amounts.take(order, List.of(
                new UniqueAmounts.Wanted("CELO", "USDC", address, DUE),
                new UniqueAmounts.Wanted("CELO", "USDT", address, DUE),
                new UniqueAmounts.Wanted("ETHEREUM", "USDC", address, DUE)), now(), until());
        assertEquals(Set.of(DUE), new HashSet<>(first.values()));
        assertEquals(DUE.add(BigInteger.ONE), takeOne(address, DUE, until()), "CELO USDC at that address is taken once");
    }

    /** 10,000 open orders at one price: the next is asked at most 9,999 base units more, at the cost of the first. */
    @Test
    void shouldCostTheSameAndStayUnderTenThousandBaseUnitsWithTenThousandOpenOrdersAtOnePrice() {
        String address = Fixtures.randomAddress();
        long firstStatements = statementsFor(() -> assertEquals(DUE, takeOne(address, DUE, until())));
        long secondStatements = statementsFor(() -> assertEquals(DUE.add(BigInteger.ONE), takeOne(address, DUE, until())));
        // 9,997 more open orders at that price, written the way the ladder writes them
        QuarkusTransaction.requiringNew().run(() -> {
            var em = ReservedAmount.getEntityManager();
            for (int i = 2; i < 9_999; i++) {
                em.createNativeQuery("INSERT INTO reserved_amounts (protocol, asset, address, amount_base_units, due_base_units,"
                                + " order_id, reserved_until) VALUES ('CELO', 'USDC', ?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, address).setParameter(2, DUE.add(BigInteger.valueOf(i))).setParameter(3, DUE)
                        .setParameter(4, UUID.randomUUID().toString()).setParameter(5, until())
                        .executeUpdate();
            }
            em.createNativeQuery("UPDATE amount_ladders SET next_base_units = ?1 WHERE address = ?2")
                    .setParameter(1, DUE.add(BigInteger.valueOf(9_999))).setParameter(2, address)
                    .executeUpdate();
        });
        BigInteger[] tenThousandth = new BigInteger[1];
        long lastStatements = statementsFor(() -> tenThousandth[0] = takeOne(address, DUE, until()));

        assertEquals(DUE.add(BigInteger.valueOf(9_999)), tenThousandth[0]);
        assertTrue(tenThousandth[0].subtract(DUE).compareTo(BigInteger.valueOf(10_000)) < 0);
        assertEquals(secondStatements, lastStatements, "the 10,000th costs what the second did");
        assertTrue(firstStatements <= secondStatements + 1, "making the ladder costs one statement more at most");
    }

    @Test
    void shouldDeleteLaddersIdleForAnHourAndKeepOnesInUse() {
        String idle = Fixtures.randomAddress();
        String busy = Fixtures.randomAddress();
        String idleOrder = UUID.randomUUID().toString();
        take(idleOrder, idle, DUE, until());
        takeOne(busy, DUE, now().plus(Duration.ofHours(30)));
        QuarkusTransaction.requiringNew().run(() -> UniqueAmounts.release(idleOrder, now()));
        TestClockProducer.clock().advance(Duration.ofMinutes(59));
        sweep.sweep();
        assertEquals(1, rungsAt(idle), "free for 59 minutes: kept for the next order at that price");

        TestClockProducer.clock().advance(Duration.ofMinutes(2));
        sweep.sweep();
        assertEquals(0, rungsAt(idle));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) ReservedAmount.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM amount_ladders WHERE address = ?1").setParameter(1, idle)
                .getSingleResult()).longValue()));
        assertEquals(1, rungsAt(busy));
        assertEquals(DUE, takeOne(idle, DUE, until()), "a new ladder starts at the amount due again");
    }

    private BigInteger takeOne(String address, BigInteger due, Instant until) {
        return take(UUID.randomUUID().toString(), address, due, until);
    }

    private BigInteger take(String orderId, String address, BigInteger due, Instant until) {
        UniqueAmounts.Wanted wanted = new UniqueAmounts.Wanted("CELO", "USDC", address, due);
        return amounts.take(orderId, List.of(wanted), now(), until).get(wanted);
    }

    private static long rungsAt(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ReservedAmount.count("id.address", address));
    }

    private long statementsFor(Runnable work) {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        work.run();
        return statistics.getPrepareStatementCount() - before;
    }

    private static Instant now() {
        return TestClockProducer.clock().instant();
    }

    private static Instant until() {
        return now().plus(Duration.ofHours(24));
    }
}
