package dev.confirma.callback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery and its attempts, as the API shows them: entities never leave the package. */
public record DeliveryLog(
        String id,
        String orderId,
        String storeId,
        /* the webhook subscription it went to; null for the order's callbackUrl */
        String subscriptionId,
        String webhookId,
        String event,
        String paymentStatus,
        String url,
        String state,
        int attemptCount,
        /* when the next attempt is due; null once delivered or dead */
        Instant nextAttemptAt,
        Instant createdAt,
        Instant finishedAt,
        /* the first delivery of the same event, for a redelivery */
        String redeliveryOf,
        /* the exact bytes sent, once the event has been sent */
        String body,
        List<Attempt> attempts) {

    @Schema(name = "DeliveryAttempt")
    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMs, String response, String error) {
    }

    /** Logs of several deliveries with one query for all their attempts. */
    static List<DeliveryLog> of(List<CallbackDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attempt>> attempts = CallbackAttempt.forDeliveries(deliveries.stream().map(d -> d.seq).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.deliverySeq, Collectors.mapping(
                        a -> new Attempt(a.attemptedAt, a.statusCode, a.latencyMs, a.responseExcerpt, a.error), Collectors.toList())));
        return deliveries.stream().map(d -> new DeliveryLog(d.id, d.orderId, d.storeId, d.subscriptionId, d.webhookId, d.event, d.paymentStatus,
                d.url, d.state.wire(), d.attemptCount, d.state == CallbackDelivery.State.PENDING ? d.nextAttemptAt : null,
                d.createdAt, d.finishedAt, d.redeliveryOf, d.body, attempts.getOrDefault(d.seq, List.of()))).toList();
    }
}
