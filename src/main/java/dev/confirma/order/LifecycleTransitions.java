package dev.confirma.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle's transition table (CONTRACT §7). A held or disputed order goes back to the
 * status it came from (release, resolve), so those moves depend on where it was before.
 */
public final class LifecycleTransitions {

    private static final Set<LifecycleStatus> DISPUTABLE = EnumSet.of(LifecycleStatus.PAID, LifecycleStatus.FULFILLED,
            LifecycleStatus.SHIPPED, LifecycleStatus.DELIVERED);

    private static final Map<LifecycleStatus, Set<LifecycleStatus>> TABLE = Map.of(
            LifecycleStatus.CREATED, EnumSet.of(LifecycleStatus.PAID, LifecycleStatus.CANCELLED),
            LifecycleStatus.PAID, EnumSet.of(LifecycleStatus.FULFILLED, LifecycleStatus.HELD, LifecycleStatus.REFUNDED,
                    LifecycleStatus.DISPUTED),
            LifecycleStatus.FULFILLED, EnumSet.of(LifecycleStatus.SHIPPED, LifecycleStatus.CANCELLED, LifecycleStatus.DISPUTED),
            LifecycleStatus.SHIPPED, EnumSet.of(LifecycleStatus.DELIVERED, LifecycleStatus.RETURNED, LifecycleStatus.DISPUTED),
            LifecycleStatus.DELIVERED, EnumSet.of(LifecycleStatus.RETURNED, LifecycleStatus.DISPUTED),
            // a held order's payment may be given back (a fraud review that confirms the fraud) as well as cancelled
            LifecycleStatus.HELD, EnumSet.of(LifecycleStatus.CANCELLED, LifecycleStatus.REFUNDED),
            LifecycleStatus.CANCELLED, EnumSet.noneOf(LifecycleStatus.class),
            LifecycleStatus.RETURNED, EnumSet.of(LifecycleStatus.REFUNDED),
            LifecycleStatus.REFUNDED, EnumSet.noneOf(LifecycleStatus.class),
            LifecycleStatus.DISPUTED, EnumSet.of(LifecycleStatus.REFUNDED));

    private LifecycleTransitions() {
    }

    /**
     * Whether an order may move from {@code from} to {@code to}; {@code before} is the status a
     * held or disputed order had before (null otherwise), the one its release or resolution returns to.
     */
    public static boolean allows(LifecycleStatus from, LifecycleStatus to, LifecycleStatus before) {
        if (TABLE.get(from).contains(to)) {
            return true;
        }
        boolean returning = (from == LifecycleStatus.HELD || from == LifecycleStatus.DISPUTED) && to == before;
        return returning && (from == LifecycleStatus.HELD ? before == LifecycleStatus.PAID : DISPUTABLE.contains(before));
    }

    /** The statuses {@code from} may move to, for an error that names them. */
    public static Set<LifecycleStatus> next(LifecycleStatus from, LifecycleStatus before) {
        Set<LifecycleStatus> next = EnumSet.noneOf(LifecycleStatus.class);
        for (LifecycleStatus to : LifecycleStatus.values()) {
            if (allows(from, to, before)) {
                next.add(to);
            }
        }
        return next;
    }

    /** Where a store's request may move the order: the table's moves but the chain's own (payment, CREATED to PAID). */
    public static Set<LifecycleStatus> nextByStore(LifecycleStatus from, LifecycleStatus before) {
        Set<LifecycleStatus> next = next(from, before);
        if (from == LifecycleStatus.CREATED) {
            next.remove(LifecycleStatus.PAID);
        }
        return next;
    }
}
