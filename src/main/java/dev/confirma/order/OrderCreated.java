package dev.confirma.order;

import java.time.Instant;

/**
 * Fired synchronously once a new order is written whole (items and quotes included), inside the
 * transaction that writes it, as {@link LifecycleStatusChanged} is for its later steps.
 */
public record OrderCreated(String orderId, String storeId, Instant at) {
}
