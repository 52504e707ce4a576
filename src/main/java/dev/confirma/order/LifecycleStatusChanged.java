package dev.confirma.order;

import java.time.Instant;

/**
 * Fired synchronously by {@link OrderStateMachine} inside the transaction that moves an order's
 * lifecycle, like {@link PaymentStatusChanged}: an observer that writes rows writes them in
 * that same transaction.
 */
public record LifecycleStatusChanged(String orderId, String storeId, LifecycleStatus from, LifecycleStatus to, Actor actor,
                                     String reason, Instant at) {
}
