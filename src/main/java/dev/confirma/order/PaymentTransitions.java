package dev.confirma.order;

import static dev.confirma.order.PaymentStatus.CANCELLED;
import static dev.confirma.order.PaymentStatus.CONFIRMED;
import static dev.confirma.order.PaymentStatus.FAILED;
import static dev.confirma.order.PaymentStatus.ON_HOLD;
import static dev.confirma.order.PaymentStatus.PENDING;

import dev.confirma.order.PaymentStatusChanged.Cause;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code paymentStatus} changes each cause may make, as data: one table per cause.
 * {@link OrderStateMachine} consults it; when a change is due (expiry times, payability) stays there.
 */
public final class PaymentTransitions {

    /** What a store (through its plugin) may move an order to, from each status. */
    public static final Map<PaymentStatus, Set<PaymentStatus>> STORE = table(
            row(PENDING, ON_HOLD, FAILED, CANCELLED),
            row(ON_HOLD, FAILED, CANCELLED));

    /** An attached transaction hash: the payment is seen, waiting for the chain. */
    public static final Map<PaymentStatus, Set<PaymentStatus>> CLAIM = table(
            row(PENDING, ON_HOLD));

    /** What the chain may move an open order to: seen, then confirmed or failed. */
    public static final Map<PaymentStatus, Set<PaymentStatus>> CHAIN = table(
            row(PENDING, ON_HOLD, CONFIRMED, FAILED),
            row(ON_HOLD, CONFIRMED, FAILED));

    /**
     * An order cancelled because it expired unpaid is reopened by a payment inside its
     * late-payment window, as if it had been pending.
     */
    public static final Set<PaymentStatus> LATE_PAYMENT =
            Collections.unmodifiableSet(EnumSet.of(ON_HOLD, CONFIRMED, FAILED));

    /** An open order whose time ran out (pending past its expiry, on-hold with nothing arrived past its window). */
    public static final Map<PaymentStatus, Set<PaymentStatus>> EXPIRY = table(
            row(PENDING, CANCELLED),
            row(ON_HOLD, CANCELLED));

    private PaymentTransitions() {
    }

    /** The statuses {@code cause} may move an order in {@code from} to; {@code expired}: cancelled because it expired unpaid. */
    public static Set<PaymentStatus> targets(Cause cause, PaymentStatus from, boolean expired) {
        return switch (cause) {
            case STORE -> STORE.get(from);
            case CLAIM -> CLAIM.get(from);
            case CHAIN -> from == CANCELLED && expired ? LATE_PAYMENT : CHAIN.get(from);
            case EXPIRY -> EXPIRY.get(from);
        };
    }

    /** Whether {@code cause} may move an order from {@code from} to {@code to}; staying put is no transition. */
    public static boolean allows(Cause cause, PaymentStatus from, PaymentStatus to, boolean expired) {
        return targets(cause, from, expired).contains(to);
    }

    private record Row(PaymentStatus from, Set<PaymentStatus> to) {
    }

    private static Row row(PaymentStatus from, PaymentStatus first, PaymentStatus... rest) {
        return new Row(from, Collections.unmodifiableSet(EnumSet.of(first, rest)));
    }

    /** Every status has a row; one not listed has no way out. Unmodifiable. */
    private static Map<PaymentStatus, Set<PaymentStatus>> table(Row... rows) {
        Map<PaymentStatus, Set<PaymentStatus>> table = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus status : PaymentStatus.values()) {
            table.put(status, Collections.emptySet());
        }
        for (Row row : rows) {
            table.put(row.from(), row.to());
        }
        return Collections.unmodifiableMap(table);
    }
}
