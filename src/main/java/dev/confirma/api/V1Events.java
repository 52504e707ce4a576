package dev.confirma.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.callback.CallbackOutbox;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleStatusChanged;
import dev.confirma.order.Order;
import dev.confirma.order.OrderCreated;
import dev.confirma.order.PaymentStatus;
import dev.confirma.order.PaymentStatusChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The merchant API's order events (CONTRACT §7): each change of an order is queued, in the
 * transaction that makes it, to every subscription of its store that receives it, with the
 * order as {@code GET /v1/orders/{id}} shows it then. Observers run after the timeline's
 * (priority), so the order's timeline already holds the step an event announces.
 */
@Singleton
class V1Events {

    /** Every event a subscription may receive; {@code order.resolved}: a dispute closed with the order reinstated. */
    static final List<String> ORDER_EVENTS = List.of("order.created", "order.payment_seen", "order.paid", "order.fulfilled",
            "order.shipped", "order.delivered", "order.cancelled", "order.returned", "order.refunded", "order.disputed",
            "order.held", "order.released", "order.resolved");
    /** After the default observers (the timeline's) and the fraud review's move to held. */
    static final int PRIORITY = 3000;

    private final CallbackOutbox outbox;
    private final V1OrderMapper mapper;
    private final ObjectMapper json;

    V1Events(CallbackOutbox outbox, V1OrderMapper mapper, ObjectMapper json) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.json = json;
    }

    void onCreated(@Observes @Priority(PRIORITY) OrderCreated created) {
        publish(created.orderId(), created.storeId(), "order.created", created.at(), Map.of());
    }

    void onLifecycle(@Observes @Priority(PRIORITY) LifecycleStatusChanged change) {
        if (Order.<Order>findById(change.orderId()).lifecycleStatus() != change.to()) {
            // moved on in the same transaction (a paid order the fraud review held at once): its later step says it all
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previous_status", change.from().name());
        data.put("actor", change.actor().name());
        data.put("reason", change.reason());
        publish(change.orderId(), change.storeId(), event(change.from(), change.to()), change.at(), data);
    }

    /**
     * The first sight of a payment: the chain's (a late one that reopens an order included), or a
     * transaction hash claimed for the order. A store setting its order on hold is not one.
     */
    void onPayment(@Observes @Priority(PRIORITY) PaymentStatusChanged change) {
        boolean seen = change.cause() == PaymentStatusChanged.Cause.CHAIN || change.cause() == PaymentStatusChanged.Cause.CLAIM;
        if (change.to() == PaymentStatus.ON_HOLD && seen) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("previous_payment_status", V1Spelling.of(change.from()));
            data.put("seen", change.cause() == PaymentStatusChanged.Cause.CHAIN ? "chain" : "claim");
            publish(change.orderId(), change.storeId(), "order.payment_seen", change.at(), data);
        }
    }

    static String event(LifecycleStatus from, LifecycleStatus to) {
        if (from == LifecycleStatus.HELD && to != LifecycleStatus.CANCELLED) {
            return "order.released";
        }
        if (from == LifecycleStatus.DISPUTED && to != LifecycleStatus.REFUNDED) {
            return "order.resolved";
        }
        return "order." + to.name().toLowerCase(Locale.ROOT);
    }

    private void publish(String orderId, String storeId, String event, Instant at, Map<String, Object> extra) {
        outbox.fanOut(storeId, orderId, event, at, eventId -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("order", mapper.toEventView(Order.findById(orderId)));
            data.putAll(extra);
            return body(eventId, event, data, at);
        });
    }

    /** {@code {"id","event","data","timestamp"}}, compact. */
    String body(String eventId, String event, Map<String, Object> data, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("event", event);
        body.put("data", data);
        body.put("timestamp", at);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body always writes as JSON", e);
        }
    }
}
