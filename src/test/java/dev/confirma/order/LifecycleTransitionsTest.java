package dev.confirma.order;

import static dev.confirma.order.LifecycleStatus.CANCELLED;
import static dev.confirma.order.LifecycleStatus.CREATED;
import static dev.confirma.order.LifecycleStatus.DELIVERED;
import static dev.confirma.order.LifecycleStatus.DISPUTED;
import static dev.confirma.order.LifecycleStatus.FULFILLED;
import static dev.confirma.order.LifecycleStatus.HELD;
import static dev.confirma.order.LifecycleStatus.PAID;
import static dev.confirma.order.LifecycleStatus.REFUNDED;
import static dev.confirma.order.LifecycleStatus.RETURNED;
import static dev.confirma.order.LifecycleStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every from→to pair of the lifecycle table, against the list written out by hand. Plain JUnit: milliseconds. */
class LifecycleTransitionsTest {

    /** Issue 15's transitions, as the issue lists them, without release and resolve; and issue 16's refund of a held order. */
    private static final Map<LifecycleStatus, Set<LifecycleStatus>> SPEC = Map.of(
            CREATED, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(FULFILLED, HELD, REFUNDED, DISPUTED),
            FULFILLED, EnumSet.of(SHIPPED, CANCELLED, DISPUTED),
            SHIPPED, EnumSet.of(DELIVERED, RETURNED, DISPUTED),
            DELIVERED, EnumSet.of(RETURNED, DISPUTED),
            HELD, EnumSet.of(CANCELLED, REFUNDED),
            CANCELLED, EnumSet.noneOf(LifecycleStatus.class),
            RETURNED, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(LifecycleStatus.class),
            DISPUTED, EnumSet.of(REFUNDED));

    /** Release returns a held order to PAID, resolve a disputed one to where it was; nothing else goes back. */
    private static boolean returns(LifecycleStatus from, LifecycleStatus to, LifecycleStatus before) {
        return from == HELD && before == PAID && to == PAID
                || from == DISPUTED && to == before && EnumSet.of(PAID, FULFILLED, SHIPPED, DELIVERED).contains(before);
    }

    @Test
    void shouldAllowExactlyTheListedTransitionsForEveryPairAndEveryPriorStatus() {
        List<String> wrong = new ArrayList<>();
        List<LifecycleStatus> befores = new ArrayList<>(Arrays.asList(LifecycleStatus.values()));
        befores.add(null);
        int pairs = 0;
        for (LifecycleStatus from : LifecycleStatus.values()) {
            for (LifecycleStatus to : LifecycleStatus.values()) {
                for (LifecycleStatus before : befores) {
                    boolean expected = SPEC.get(from).contains(to) || returns(from, to, before);
                    if (LifecycleTransitions.allows(from, to, before) != expected) {
                        wrong.add(from + "→" + to + " (before " + before + "): expected " + expected);
                    }
                    pairs++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(10 * 10 * 11, pairs);
    }

    @Test
    void shouldMakeCancelledAndRefundedTerminal() {
        for (LifecycleStatus status : LifecycleStatus.values()) {
            boolean nothingNext = LifecycleTransitions.next(status, PAID).isEmpty() && LifecycleTransitions.next(status, null).isEmpty();
            assertEquals(status.isTerminal(), nothingNext, status.name());
        }
    }

    @Test
    void shouldNameTheStatusesAHeldOrderMayMoveTo() {
        assertEquals(EnumSet.of(PAID, CANCELLED, REFUNDED), LifecycleTransitions.next(HELD, PAID));
        assertEquals(EnumSet.of(SHIPPED, REFUNDED), LifecycleTransitions.next(DISPUTED, SHIPPED));
    }
}
