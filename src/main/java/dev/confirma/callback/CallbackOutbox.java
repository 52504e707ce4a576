package dev.confirma.callback;

import dev.confirma.common.Secrets;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Order;
import jakarta.persistence.LockModeType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The callback outbox: a row per event and target, written in the transaction of the change it
 * announces; also queues redeliveries. Targets are an order's {@code callbackUrl} and the
 * store's webhook subscriptions. What events there are and what they say is the adapters'
 * ({@code plugin.PluginCallbacks}, {@code api.V1Events}).
 */
@Singleton
public class CallbackOutbox {

    private final Clock clock;

    CallbackOutbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Queues one callback event to {@code url}, in the caller's transaction: the change it
     * announces and its callback commit together or not at all. Its body is rendered when it is
     * first sent ({@link CallbackBodies}).
     */
    public void enqueue(String orderId, String storeId, String url, String event, String paymentStatus, String message,
                        Instant at) {
        CallbackDelivery delivery = pending(orderId, storeId, url, event, "msg_" + Secrets.randomToken(18), at);
        delivery.paymentStatus = paymentStatus;
        delivery.message = message;
        delivery.persist();
    }

    /** A first delivery of an event, due at once; the caller adds what its target needs and persists it. */
    private static CallbackDelivery pending(String orderId, String storeId, String url, String event, String webhookId, Instant at) {
        CallbackDelivery delivery = new CallbackDelivery();
        delivery.id = UUID.randomUUID().toString();
        delivery.orderId = orderId;
        delivery.storeId = storeId;
        delivery.webhookId = webhookId;
        delivery.event = event;
        delivery.url = url;
        delivery.state = CallbackDelivery.State.PENDING;
        delivery.attemptCount = 0;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        return delivery;
    }

    /**
     * Queues {@code event} to every enabled subscription of the store that receives it, in the
     * caller's transaction, and returns how many. The body is rendered once, with the event's id
     * (also every delivery's {@code webhook-id}), and only when some subscription wants it.
     */
    public int fanOut(String storeId, String orderId, String event, Instant at, Function<String, String> body) {
        List<WebhookSubscription> receiving = WebhookSubscription.receiving(storeId, event);
        if (receiving.isEmpty()) {
            return 0;
        }
        String eventId = eventId();
        String rendered = body.apply(eventId);
        receiving.forEach(subscription -> toSubscription(subscription, orderId, event, eventId, rendered, at));
        return receiving.size();
    }

    /** A new event id: {@code evt_} and 24 random characters. */
    static String eventId() {
        return "evt_" + Secrets.randomToken(18);
    }

    CallbackDelivery toSubscription(WebhookSubscription subscription, String orderId, String event, String eventId, String body,
                                    Instant at) {
        CallbackDelivery delivery = pending(orderId, subscription.storeId, subscription.url, event, eventId, at);
        delivery.subscriptionId = subscription.id;
        delivery.body = body;
        delivery.persist();
        return delivery;
    }

    /**
     * A new delivery of a finished (delivered or dead) one: the same webhook-id and the same
     * body bytes, so a receiver that deduplicates on webhook-id treats it as the same event,
     * with a fresh retry schedule. It is linked to the first delivery of the event.
     */
    public CallbackDelivery redeliver(CallbackDelivery original) {
        if (original.state == CallbackDelivery.State.PENDING) {
            throw ApiException.conflict("delivery_pending", "Delivery " + original.id
                    + " is still pending and will be attempted again by itself; redeliver it once it is delivered or dead");
        }
        if (original.orderId != null) {
            // an erasure of the order scrubs its stored bodies under this lock: the copy is made from a scrubbed one, or scrubbed after
            Order.findById(original.orderId, LockModeType.PESSIMISTIC_WRITE);
            CallbackDelivery.getEntityManager().refresh(original);
        }
        CallbackDelivery copy = new CallbackDelivery();
        copy.id = UUID.randomUUID().toString();
        copy.orderId = original.orderId;
        copy.storeId = original.storeId;
        copy.webhookId = original.webhookId;
        copy.event = original.event;
        copy.paymentStatus = original.paymentStatus;
        copy.message = original.message;
        copy.url = original.url;
        copy.subscriptionId = original.subscriptionId;
        copy.body = original.body;
        copy.state = CallbackDelivery.State.PENDING;
        copy.attemptCount = 0;
        copy.nextAttemptAt = clock.instant();
        copy.createdAt = copy.nextAttemptAt;
        copy.redeliveryOf = original.redeliveryOf != null ? original.redeliveryOf : original.id;
        copy.persist();
        return copy;
    }
}
