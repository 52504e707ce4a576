package dev.confirma.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.RecordingEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a payment status change does to the lifecycle, on the state machine alone (plain JUnit):
 * the chain's confirmation pays a created order, a store's cancel cancels it, an expiry that
 * still allows a late payment leaves it created. Each move is one {@link LifecycleStatusChanged}.
 */
class LifecycleFollowsPaymentTest {

    private static final Instant CREATED = Instant.parse("2030-01-01T10:00:00Z");

    private final RecordingEvent<LifecycleStatusChanged> moves = new RecordingEvent<>();

    private OrderStateMachine machineAt(Instant now) {
        return new OrderStateMachine(Clock.fixed(now, ZoneOffset.UTC), new RecordingEvent<>(), moves, new RecordingEvent<>());
    }

    private Order openOrder(PaymentStatus initial) {
        Order order = new Order();
        order.id = "ord_1";
        order.storeId = "sto_1";
        order.ecommerceOrderId = "shop-1";
        order.orderTotal = new BigDecimal("12.50");
        order.createdAt = CREATED;
        order.expiresAt = CREATED.plus(Duration.ofMinutes(15));
        order.monitoredUntil = CREATED.plus(Duration.ofHours(24));
        machineAt(CREATED).open(order, initial, Actor.SYSTEM);
        return order;
    }

    @Test
    void shouldPayACreatedOrderWhenTheChainConfirmsItsPayment() {
        Order order = openOrder(PaymentStatus.PENDING);
        assertEquals(LifecycleStatus.CREATED, order.lifecycleStatus());
        machineAt(CREATED.plusSeconds(60)).decidedByChain(order, PaymentStatus.ON_HOLD);
        assertEquals(LifecycleStatus.CREATED, order.lifecycleStatus());
        machineAt(CREATED.plusSeconds(120)).decidedByChain(order, PaymentStatus.CONFIRMED);
        assertEquals(LifecycleStatus.PAID, order.lifecycleStatus());
        assertEquals(List.of(new LifecycleStatusChanged("ord_1", "sto_1", LifecycleStatus.CREATED, LifecycleStatus.PAID,
                Actor.CHAIN, "payment confirmed on chain", CREATED.plusSeconds(120))), moves.fired());
    }

    @Test
    void shouldLeaveAShortPaymentsOrderCreatedForTheMerchantToDecide() {
        Order order = openOrder(PaymentStatus.ON_HOLD);
        machineAt(CREATED).decidedByChain(order, PaymentStatus.FAILED);
        assertEquals(LifecycleStatus.CREATED, order.lifecycleStatus());
        assertTrue(moves.fired().isEmpty());
    }

    @Test
    void shouldCancelAnOrderTheStoreCancels() {
        Order order = openOrder(PaymentStatus.PENDING);
        machineAt(CREATED).requestByStore(order, PaymentStatus.CANCELLED, Actor.SYSTEM, null);
        assertEquals(LifecycleStatus.CANCELLED, order.lifecycleStatus());
        assertEquals(1, moves.fired().size());
    }

    @Test
    void shouldKeepAnExpiredOrderCreatedWhileALatePaymentMayPayIt() {
        Order order = openOrder(PaymentStatus.PENDING);
        Instant expired = CREATED.plus(Duration.ofMinutes(20));
        assertTrue(machineAt(expired).expireIfDue(order));
        assertEquals(LifecycleStatus.CREATED, order.lifecycleStatus());
        machineAt(expired.plusSeconds(60)).decidedByChain(order, PaymentStatus.CONFIRMED); // paid late
        assertEquals(LifecycleStatus.PAID, order.lifecycleStatus());
    }

    @Test
    void shouldKeepAnOnHoldOrderCreatedWhenItsWindowClosesForAPaymentMadeInsideItMayStillBeRead() {
        Order order = openOrder(PaymentStatus.ON_HOLD);
        assertTrue(machineAt(order.monitoredUntil.plusSeconds(1)).expireIfDue(order));
        assertEquals(LifecycleStatus.CREATED, order.lifecycleStatus());
        // the watcher reads a payment mined just inside the window after the sweep ran
        assertTrue(order.takesPaymentMadeAt(order.monitoredUntil.minusSeconds(5), Duration.ZERO));
        machineAt(order.monitoredUntil.plusSeconds(20)).decidedByChain(order, PaymentStatus.CONFIRMED);
        assertEquals(LifecycleStatus.PAID, order.lifecycleStatus());
    }

    @Test
    void shouldNotLetALatePaymentUndoAStoresCancelOfAnOrderALatePaymentReopened() {
        Order order = openOrder(PaymentStatus.PENDING);
        Instant expired = CREATED.plus(Duration.ofMinutes(20));
        machineAt(expired).expireIfDue(order);
        machineAt(expired.plusSeconds(10)).decidedByChain(order, PaymentStatus.ON_HOLD); // a late payment reopens it
        machineAt(expired.plusSeconds(20)).requestByStore(order, PaymentStatus.CANCELLED, Actor.SYSTEM, null); // the store will not take it
        assertEquals(PaymentStatus.CANCELLED, order.paymentStatus());
        assertEquals(false, order.awaitsPayment(), "the chain may no longer decide it");
        assertEquals(LifecycleStatus.CANCELLED, order.lifecycleStatus());
    }
}
