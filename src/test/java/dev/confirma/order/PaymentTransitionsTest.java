package dev.confirma.order;

import static dev.confirma.order.PaymentStatus.CANCELLED;
import static dev.confirma.order.PaymentStatus.CONFIRMED;
import static dev.confirma.order.PaymentStatus.FAILED;
import static dev.confirma.order.PaymentStatus.ON_HOLD;
import static dev.confirma.order.PaymentStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.confirma.common.DomainException;
import dev.confirma.order.PaymentStatusChanged.Cause;
import dev.confirma.support.RecordingEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every from → to pair of every cause, on a plain {@link Order} and a state machine built
 * without Quarkus: the outcome the spec below writes out by hand, or a refusal that leaves
 * the order as it was. The spec is deliberately not read from {@link PaymentTransitions}.
 */
class PaymentTransitionsTest {

    // ---- the spec, by hand: "from > to", where "expired cancelled" is an order cancelled because it expired unpaid

    private static final Set<String> STORE_MAY = Set.of(
            "pending > on-hold", "pending > failed", "pending > cancelled",
            "on-hold > failed", "on-hold > cancelled");

    private static final Set<String> CHAIN_MAY = Set.of(
            "pending > on-hold", "pending > confirmed", "pending > failed",
            "on-hold > confirmed", "on-hold > failed",
            "expired cancelled > on-hold", "expired cancelled > confirmed", "expired cancelled > failed");

    /** Orders a claimed transaction hash may attach to (inside the payment window)... */
    private static final Set<String> CLAIM_TAKES = Set.of("pending", "on-hold", "expired cancelled");
    /** ...and which of them the claim moves, to what. */
    private static final Map<String, PaymentStatus> CLAIM_MOVES = Map.of("pending", ON_HOLD);

    /** Orders whose time ran out (when is the state machine's to say; see the expiry test). */
    private static final Set<String> EXPIRY_MAY = Set.of("pending > cancelled", "on-hold > cancelled");

    private static final Instant CREATED = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofMinutes(15));
    private static final Instant MONITORED_UNTIL = CREATED.plus(Duration.ofHours(1));
    private static final Instant NOW = CREATED.plus(Duration.ofMinutes(5));

    private final RecordingEvent<PaymentStatusChanged> events = new RecordingEvent<>();

    private static String label(PaymentStatus status, boolean expired) {
        return status == CANCELLED && expired ? "expired cancelled" : wire(status);
    }

    private OrderStateMachine machineAt(Instant now) {
        return new OrderStateMachine(Clock.fixed(now, ZoneOffset.UTC), events, new RecordingEvent<>(), new RecordingEvent<>());
    }

    private static Order order(PaymentStatus status, boolean expired) {
        Order order = new Order();
        order.id = "ord_1";
        order.storeId = "sto_1";
        order.ecommerceOrderId = "shop-1";
        order.callbackUrl = "https://shop.example/callback";
        order.orderTotal = new BigDecimal("12.50");
        order.orderCurrency = "USD";
        order.createdAt = CREATED;
        order.updatedAt = CREATED;
        order.expiresAt = EXPIRES;
        order.monitoredUntil = MONITORED_UNTIL;
        if (expired) {
            order.markExpired();
        }
        order.setPaymentStatus(status);
        return order;
    }

    // ---- every pair, generated

    @Test
    void shouldMakeExactlyTheStoreChangesTheSpecAllows() {
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                for (boolean expired : new boolean[] {false, true}) {
                    String pair = wire(from) + " > " + wire(to);
                    String caseName = "store " + label(from, expired) + " > " + wire(to);
                    Order order = order(from, expired);
                    Map<String, Object> before = fields(order);
                    events.clear();
                    if (from == to) {
                        assertFalse(machineAt(NOW).requestByStore(order, to, Actor.SYSTEM, null), caseName);
                        assertTrue(events.fired().isEmpty(), caseName + ": no change, no event");
                        if (to == CANCELLED && expired) {
                            // the store will not take a late payment any more
                            assertEquals(Set.of("expired", "updatedAt"), changed(before, fields(order)), caseName);
                            assertFalse(order.expired(), caseName);
                        } else {
                            assertEquals(before, fields(order), caseName + ": untouched");
                        }
                    } else if (STORE_MAY.contains(pair)) {
                        assertTrue(machineAt(NOW).requestByStore(order, to, Actor.SYSTEM, null), caseName);
                        // a store's cancel of an order a late payment reopened: no late payment reopens it again
                        assertChanged(caseName, before, order, from, to, Cause.STORE,
                                to == CANCELLED && expired ? Set.of("expired") : Set.of());
                        assertFalse(to == CANCELLED && order.expired(), caseName);
                    } else {
                        assertEquals("invalid_status_transition", conflictCode(() -> machineAt(NOW).requestByStore(order, to, Actor.SYSTEM, null)),
                                caseName);
                        assertRefused(caseName, before, order);
                    }
                }
            }
        }
    }

    @Test
    void shouldMakeExactlyTheChainChangesTheSpecAllows() {
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                for (boolean expired : new boolean[] {false, true}) {
                    String pair = label(from, expired) + " > " + wire(to);
                    String caseName = "chain " + pair;
                    Order order = order(from, expired);
                    Map<String, Object> before = fields(order);
                    events.clear();
                    if (from == to) {
                        assertFalse(machineAt(NOW).decidedByChain(order, to), caseName);
                        assertRefused(caseName, before, order);
                    } else if (CHAIN_MAY.contains(pair)) {
                        assertTrue(machineAt(NOW).decidedByChain(order, to), caseName);
                        assertChanged(caseName, before, order, from, to, Cause.CHAIN, Set.of());
                        assertEquals(expired, order.expired(), caseName + ": a late payment leaves the order marked expired");
                    } else {
                        // the chain asking for a change the table forbids is a bug in the caller, not a client's error
                        assertThrows(IllegalStateException.class, () -> machineAt(NOW).decidedByChain(order, to), caseName);
                        assertRefused(caseName, before, order);
                    }
                }
            }
        }
    }

    @Test
    void shouldTakeClaimsOnlyOnPayableOrdersInsideTheirWindow() {
        // paid before the order existed, early, late but inside the window, at its last instant, after it
        List<Instant> paidAts = List.of(CREATED.minusSeconds(1), CREATED.plusSeconds(60), EXPIRES.plusSeconds(60),
                MONITORED_UNTIL, MONITORED_UNTIL.plusSeconds(1));
        for (PaymentStatus from : PaymentStatus.values()) {
            for (boolean expired : new boolean[] {false, true}) {
                for (Instant paidAt : paidAts) {
                    String caseName = "claim on " + label(from, expired) + " paid at " + paidAt;
                    boolean inWindow = !paidAt.isBefore(CREATED) && !paidAt.isAfter(MONITORED_UNTIL);
                    Order order = order(from, expired);
                    Map<String, Object> before = fields(order);
                    events.clear();
                    if (!inWindow || !CLAIM_TAKES.contains(label(from, expired))) {
                        assertEquals("order_not_payable", conflictCode(() -> machineAt(NOW).paymentClaimed(order, paidAt)), caseName);
                        assertRefused(caseName, before, order);
                        continue;
                    }
                    machineAt(NOW).paymentClaimed(order, paidAt);
                    PaymentStatus to = CLAIM_MOVES.get(label(from, expired));
                    if (to == null) {
                        assertRefused(caseName + " (taken, nothing to change)", before, order);
                    } else {
                        assertChanged(caseName, before, order, from, to, Cause.CLAIM, Set.of());
                    }
                }
            }
        }
    }

    @Test
    void shouldExpireExactlyWhenTheExpiryRulesSay() {
        List<Instant> nows = List.of(EXPIRES.minusNanos(1000), EXPIRES, EXPIRES.plusSeconds(1), MONITORED_UNTIL,
                MONITORED_UNTIL.plusNanos(1000));
        for (PaymentStatus from : PaymentStatus.values()) {
            for (boolean expired : new boolean[] {false, true}) {
                for (BigDecimal received : new BigDecimal[] {null, new BigDecimal("1.5")}) {
                    for (Instant now : nows) {
                        String caseName = "expiry of " + label(from, expired) + " with " + received + " received at " + now;
                        // the rules, written out: pending from its expiry on; on-hold with nothing arrived, after its window
                        boolean due = from == PENDING && !now.isBefore(EXPIRES)
                                || from == ON_HOLD && received == null && now.isAfter(MONITORED_UNTIL);
                        Order order = order(from, expired);
                        order.amountReceived = received;
                        Map<String, Object> before = fields(order);
                        events.clear();
                        boolean changed = machineAt(now).expireIfDue(order);
                        assertEquals(due, changed, caseName);
                        if (due) {
                            assertChangedAt(caseName, before, order, from, CANCELLED, Cause.EXPIRY, expired ? Set.of() : Set.of("expired"), now);
                            assertTrue(order.expired(), caseName + ": marked expired, so a late payment may reopen it");
                        } else {
                            assertRefused(caseName, before, order);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldPublishExactlyTheSpecAsTheTables() {
        Map<Cause, Set<String>> spec = Map.of(Cause.STORE, STORE_MAY, Cause.CHAIN, CHAIN_MAY, Cause.EXPIRY, EXPIRY_MAY,
                Cause.CLAIM, CLAIM_MOVES.entrySet().stream().map(move -> move.getKey() + " > " + wire(move.getValue()))
                        .collect(Collectors.toSet()));
        List<String> mismatches = new ArrayList<>();
        for (Cause cause : Cause.values()) {
            for (PaymentStatus from : PaymentStatus.values()) {
                for (PaymentStatus to : PaymentStatus.values()) {
                    for (boolean expired : new boolean[] {false, true}) {
                        // the store's and the expiry's rules do not depend on why an order was cancelled
                        String pair = (cause == Cause.CHAIN ? label(from, expired) : wire(from)) + " > " + wire(to);
                        if (spec.get(cause).contains(pair) != PaymentTransitions.allows(cause, from, to, expired)) {
                            mismatches.add(cause + " " + label(from, expired) + " > " + wire(to));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches, "PaymentTransitions disagrees with the spec");
    }

    // ---- the scenarios the tables exist for

    @Test
    void shouldCloseTheLateWindowWhenStoreCancelsAnExpiryCancelledOrder() {
        Order order = order(PENDING, false);
        assertTrue(machineAt(EXPIRES).expireIfDue(order));
        assertTrue(order.expired());
        events.clear();

        assertFalse(machineAt(EXPIRES.plusSeconds(10)).requestByStore(order, CANCELLED, Actor.SYSTEM, null));

        assertTrue(events.fired().isEmpty(), "already cancelled: nothing to announce");
        assertFalse(order.expired());
        assertEquals(EXPIRES.plusSeconds(10), order.updatedAt);
        assertThrows(IllegalStateException.class, () -> machineAt(EXPIRES.plusSeconds(20)).decidedByChain(order, CONFIRMED),
                "a late payment no longer reopens it");
        assertEquals("order_not_payable", conflictCode(() -> machineAt(EXPIRES.plusSeconds(20)).paymentClaimed(order,
                EXPIRES.plusSeconds(20))), "nor may a hash be attached to it");
    }

    @Test
    void shouldReopenAnExpiryCancelledOrderWhenALatePaymentIsConfirmed() {
        Order order = order(PENDING, false);
        machineAt(EXPIRES).expireIfDue(order);
        events.clear();

        assertTrue(machineAt(EXPIRES.plusSeconds(60)).decidedByChain(order, CONFIRMED));

        PaymentStatusChanged change = events.fired().get(0);
        assertTrue(change.reopenedByLatePayment());
        assertEquals(CONFIRMED, order.paymentStatus());
    }

    @Test
    void shouldPutPendingOrderOnHoldWhenClaimedAndRefuseClaimOnConfirmedOrder() {
        Order pending = order(PENDING, false);
        machineAt(NOW).paymentClaimed(pending, NOW);
        assertEquals(ON_HOLD, pending.paymentStatus());
        assertEquals(List.of(Cause.CLAIM), events.fired().stream().map(PaymentStatusChanged::cause).toList());

        Order confirmed = order(CONFIRMED, false);
        assertEquals("order_not_payable", conflictCode(() -> machineAt(NOW).paymentClaimed(confirmed, NOW)));
        assertEquals(CONFIRMED, confirmed.paymentStatus());
    }

    @Test
    void shouldExpireAPendingOrderPastItsQuoteBeforeTakingItsClaim() {
        // the sweep has not reached it yet: the claim finds it as the sweep would have left it
        Order order = order(PENDING, false);

        machineAt(EXPIRES.plusSeconds(60)).paymentClaimed(order, EXPIRES.plusSeconds(60));

        assertEquals(CANCELLED, order.paymentStatus(), "expired, and cancelled until the chain shows the payment");
        assertTrue(order.expired());
        assertEquals(List.of(Cause.EXPIRY), events.fired().stream().map(PaymentStatusChanged::cause).toList());
    }

    @Test
    void shouldTakeClaimOnExpiredOrderInsideItsLateWindowWithoutReopeningIt() {
        Order order = order(PENDING, false);
        machineAt(EXPIRES).expireIfDue(order);
        events.clear();

        machineAt(EXPIRES.plusSeconds(60)).paymentClaimed(order, EXPIRES.plusSeconds(60));

        assertEquals(CANCELLED, order.paymentStatus(), "stays cancelled until the chain shows the payment");
        assertTrue(events.fired().isEmpty());
        assertEquals("order_not_payable", conflictCode(() -> machineAt(NOW).paymentClaimed(order, MONITORED_UNTIL.plusSeconds(1))),
                "after the window, no claim");
    }

    @Test
    void shouldCancelOnHoldOrderOnlyWhenNothingArrivedByTheEndOfItsWindow() {
        Order nothingArrived = order(ON_HOLD, false);
        assertFalse(machineAt(MONITORED_UNTIL).expireIfDue(nothingArrived), "the window's last instant still counts");
        assertTrue(machineAt(MONITORED_UNTIL.plusSeconds(1)).expireIfDue(nothingArrived));
        assertEquals(CANCELLED, nothingArrived.paymentStatus());

        Order somethingArrived = order(ON_HOLD, false);
        somethingArrived.amountReceived = new BigDecimal("0.01");
        assertFalse(machineAt(MONITORED_UNTIL.plus(Duration.ofDays(30))).expireIfDue(somethingArrived),
                "a payment seen waits for its confirmations, however long");
    }

    @Test
    void shouldCancelPendingOrderFromTheInstantItExpires() {
        Order order = order(PENDING, false);
        assertFalse(machineAt(EXPIRES.minusNanos(1000)).expireIfDue(order));
        assertTrue(machineAt(EXPIRES).expireIfDue(order));
        assertEquals(new PaymentStatusChanged("ord_1", "sto_1", "https://shop.example/callback", PENDING, CANCELLED,
                Cause.EXPIRY, false, null, EXPIRES), events.fired().get(0));
    }

    @Test
    void shouldKeepTheTablesReadOnlyWithARowForEveryStatus() {
        for (Map<PaymentStatus, Set<PaymentStatus>> table : List.of(PaymentTransitions.STORE, PaymentTransitions.CLAIM,
                PaymentTransitions.CHAIN, PaymentTransitions.EXPIRY)) {
            assertEquals(Set.of(PaymentStatus.values()), table.keySet());
            assertThrows(UnsupportedOperationException.class, () -> table.get(PENDING).add(CONFIRMED));
            assertThrows(UnsupportedOperationException.class, () -> table.put(CONFIRMED, Set.of(PENDING)));
        }
        assertThrows(UnsupportedOperationException.class, () -> PaymentTransitions.LATE_PAYMENT.add(PENDING));
        for (PaymentStatus status : PaymentStatus.values()) {
            for (Cause cause : Cause.values()) {
                for (boolean expired : new boolean[] {false, true}) {
                    assertFalse(PaymentTransitions.allows(cause, status, status, expired), "staying put is no transition");
                    assertFalse(PaymentTransitions.allows(cause, status, PENDING, expired), "nothing goes back to pending");
                }
            }
        }
        assertEquals(Set.of(FAILED, CANCELLED, ON_HOLD), PaymentTransitions.targets(Cause.STORE, PENDING, false));
    }

    // ---- what a change and a refusal look like

    /** The code of the conflict a refused request is answered with: the one place that knows its exception type. */
    private static String conflictCode(Executable request) {
        DomainException refused = assertThrows(DomainException.class, request);
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        return refused.code();
    }

    /** The spec's notation for a status: its name in lower case ({@code on-hold}). */
    private static String wire(PaymentStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void assertChanged(String caseName, Map<String, Object> before, Order order, PaymentStatus from, PaymentStatus to,
                               Cause cause, Set<String> alsoChanged) {
        assertChangedAt(caseName, before, order, from, to, cause, alsoChanged, NOW);
    }

    private void assertChangedAt(String caseName, Map<String, Object> before, Order order, PaymentStatus from, PaymentStatus to,
                                 Cause cause, Set<String> alsoChanged, Instant now) {
        assertEquals(to, order.paymentStatus(), caseName);
        assertEquals(now, order.updatedAt, caseName);
        assertEquals(List.of(new PaymentStatusChanged(order.id, order.storeId, order.callbackUrl, from, to, cause, order.late,
                order.paymentException, now)),
                events.fired(), caseName + ": exactly one event");
        Set<String> allowedToChange = new TreeSet<>(Set.of("paymentStatus", "updatedAt", "openEcommerceOrderId"));
        allowedToChange.addAll(alsoChanged);
        Set<String> changed = changed(before, fields(order));
        assertTrue(allowedToChange.containsAll(changed), caseName + ": changed " + changed);
        Object openKey = fields(order).get("openEcommerceOrderId");
        assertEquals(to.isUnpaid() && !order.expired() ? order.ecommerceOrderId : null, openKey,
                caseName + ": one unpaid order per shop order");
    }

    private void assertRefused(String caseName, Map<String, Object> before, Order order) {
        assertEquals(before, fields(order), caseName + ": the order is untouched");
        assertTrue(events.fired().isEmpty(), caseName + ": no event");
    }

    /** Every instance field of the order, private ones included: what "untouched" means. */
    private static Map<String, Object> fields(Order order) {
        Map<String, Object> values = new HashMap<>();
        for (Field field : Order.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                values.put(field.getName(), field.get(order));
            } catch (IllegalAccessException e) {
                fail("cannot read Order." + field.getName() + ": " + e);
            }
        }
        return values;
    }

    private static Set<String> changed(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new TreeSet<>();
        before.forEach((name, value) -> {
            if (!Objects.equals(value, after.get(name))) {
                names.add(name);
            }
        });
        return names;
    }
}
