package dev.confirma.callback;

import dev.confirma.common.Secrets;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.PaymentStatus;
import dev.confirma.order.PaymentStatusChanged;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes a callback row for every {@code paymentStatus} change, in the transaction that makes
 * the change (the event is synchronous): the change and its callback commit together or not
 * at all. Also queues redeliveries.
 */
@Singleton
public class CallbackOutbox {

    private final Clock clock;

    CallbackOutbox(Clock clock) {
        this.clock = clock;
    }

    void onStatusChange(@Observes PaymentStatusChanged change) {
        CallbackDelivery delivery = new CallbackDelivery();
        delivery.id = UUID.randomUUID().toString();
        delivery.orderId = change.orderId();
        delivery.storeId = change.storeId();
        delivery.webhookId = "msg_" + Secrets.randomToken(18);
        delivery.event = event(change);
        delivery.paymentStatus = change.to().wire();
        delivery.message = message(change);
        delivery.url = change.callbackUrl();
        delivery.state = CallbackDelivery.State.PENDING;
        delivery.attemptCount = 0;
        delivery.nextAttemptAt = change.at();
        delivery.createdAt = change.at();
        delivery.persist();
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
        CallbackDelivery copy = new CallbackDelivery();
        copy.id = UUID.randomUUID().toString();
        copy.orderId = original.orderId;
        copy.storeId = original.storeId;
        copy.webhookId = original.webhookId;
        copy.event = original.event;
        copy.paymentStatus = original.paymentStatus;
        copy.message = original.message;
        copy.url = original.url;
        copy.body = original.body;
        copy.state = CallbackDelivery.State.PENDING;
        copy.attemptCount = 0;
        copy.nextAttemptAt = clock.instant();
        copy.createdAt = copy.nextAttemptAt;
        copy.redeliveryOf = original.redeliveryOf != null ? original.redeliveryOf : original.id;
        copy.persist();
        return copy;
    }

    /**
     * {@code order.<paymentStatus>}; {@code order.late} when a payment made after expiry
     * reopens an order that was cancelled because it expired unpaid.
     */
    static String event(PaymentStatusChanged change) {
        return change.reopenedByLatePayment() ? "order.late" : "order." + change.to().wire();
    }

    static String message(PaymentStatusChanged change) {
        PaymentStatus to = change.to();
        String text = switch (change.cause()) {
            case STORE -> "Payment status set to " + to.wire() + " by the store";
            case CLAIM -> "Transaction received; waiting for it on chain";
            case EXPIRY -> change.from() == PaymentStatus.ON_HOLD
                    ? "Order cancelled: the payment claimed for it never arrived on chain"
                    : "Order cancelled: not paid before it expired";
            case CHAIN -> switch (to) {
                case ON_HOLD -> "Payment seen on chain; waiting for confirmations";
                case CONFIRMED -> "Payment confirmed";
                case FAILED -> "Payment failed: the amount received is less than the order total";
                default -> "Payment status is now " + to.wire();
            };
        };
        return change.late() && change.cause() == PaymentStatusChanged.Cause.CHAIN ? text + " (paid after the order expired)" : text;
    }
}
