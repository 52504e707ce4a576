package dev.confirma.callback;

import dev.confirma.common.text.QueryNumbers;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Order;
import dev.confirma.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads delivery logs and queues redeliveries, for a store (its own orders) or the operator (all). */
@ApplicationScoped
public class CallbackDeliveries {

    static final int MAX_LIMIT = 100;

    private final CallbackOutbox outbox;

    CallbackDeliveries(CallbackOutbox outbox) {
        this.outbox = outbox;
    }

    /** An order's deliveries, oldest first, with their attempts. */
    @Transactional
    public List<DeliveryLog> forOrder(Store store, String orderId) {
        requireOrder(store, orderId);
        return DeliveryLog.of(CallbackDelivery.forOrder(orderId));
    }

    @Transactional
    public DeliveryLog redeliverForStore(Store store, String orderId, String deliveryId) {
        requireOrder(store, orderId);
        CallbackDelivery original = CallbackDelivery.findByPublicId(deliveryId)
                .filter(d -> orderId.equals(d.orderId)) // a ping has no order
                .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId + " not found for order " + orderId));
        return DeliveryLog.of(List.of(outbox.redeliver(original))).get(0);
    }

    @Transactional
    public DeliveryLog redeliverAsOperator(String deliveryId) {
        CallbackDelivery original = CallbackDelivery.findByPublicId(deliveryId)
                .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId + " not found"));
        return DeliveryLog.of(List.of(outbox.redeliver(original))).get(0);
    }

    /** Every store's deliveries, newest first, optionally in one state only. */
    @Transactional
    public List<DeliveryLog> list(String state, String limit, String offset) {
        Optional<CallbackDelivery.State> wanted = state(state);
        int max = QueryNumbers.integer("limit", limit, 50, 1, MAX_LIMIT);
        int skip = QueryNumbers.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        var query = wanted.isPresent()
                ? CallbackDelivery.<CallbackDelivery>find("state = ?1 order by seq desc", wanted.get())
                : CallbackDelivery.<CallbackDelivery>find("order by seq desc");
        return DeliveryLog.of(query.range(skip, skip + max - 1).list());
    }

    private static void requireOrder(Store store, String orderId) {
        Order.findForStore(orderId, store.id).orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
    }

    private static Optional<CallbackDelivery.State> state(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CallbackDelivery.State.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("state", "state must be pending, delivered or dead");
        }
    }

}
