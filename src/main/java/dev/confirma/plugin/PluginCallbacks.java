package dev.confirma.plugin;

import dev.confirma.callback.CallbackOutbox;
import dev.confirma.order.PaymentException;
import dev.confirma.order.PaymentStatus;
import dev.confirma.order.PaymentStatusChanged;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The Cryptum callbacks (CONTRACT §4): every payment status change queues one to the order's
 * {@code callbackUrl}, in the transaction that makes the change (the event is synchronous),
 * named and worded as plugins expect.
 */
@Singleton
class PluginCallbacks {

    private final CallbackOutbox outbox;

    PluginCallbacks(CallbackOutbox outbox) {
        this.outbox = outbox;
    }

    void onStatusChange(@Observes PaymentStatusChanged change) {
        if (change.callbackUrl() == null) {
            return; // an order made through the merchant API without a callback URL
        }
        outbox.enqueue(change.orderId(), change.storeId(), change.callbackUrl(), event(change), PluginStatus.of(change.to()),
                message(change), change.at());
    }

    /**
     * {@code order.<paymentStatus>}; {@code order.late} when a payment made after expiry
     * reopens an order that was cancelled because it expired unpaid.
     */
    static String event(PaymentStatusChanged change) {
        return change.reopenedByLatePayment() ? "order.late" : "order." + PluginStatus.of(change.to());
    }

    static String message(PaymentStatusChanged change) {
        PaymentStatus to = change.to();
        String text = switch (change.cause()) {
            case STORE -> "Payment status set to " + PluginStatus.of(to) + " by the store";
            case CLAIM -> "Transaction received; waiting for it on chain";
            case EXPIRY -> change.from() == PaymentStatus.ON_HOLD
                    ? "Order cancelled: the payment claimed for it never arrived on chain"
                    : "Order cancelled: not paid before it expired";
            case CHAIN -> switch (to) {
                case ON_HOLD -> "Payment seen on chain; waiting for confirmations";
                case CONFIRMED -> "Payment confirmed";
                case FAILED -> change.paymentException() == PaymentException.PARTIAL
                        ? "Payment failed: the amount received is less than the order total"
                        : "Payment failed: the transaction claimed for it does not pay this order";
                default -> "Payment status is now " + PluginStatus.of(to);
            };
        };
        return change.late() && change.cause() == PaymentStatusChanged.Cause.CHAIN ? text + " (paid after the order expired)" : text;
    }
}
