package dev.confirma.plugin;

import dev.confirma.callback.CallbackOutbox;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleStatusChanged;
import dev.confirma.order.Order;
import dev.confirma.order.PaymentException;
import dev.confirma.order.PaymentStatus;
import dev.confirma.order.PaymentStatusChanged;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import jakarta.inject.Singleton;

/**
 * The Cryptum callbacks (CONTRACT §4): every payment status change queues one to the order's
 * {@code callbackUrl}, in the transaction that makes the change (the event is synchronous),
 * named and worded as plugins expect.
 */
@Singleton
class PluginCallbacks {

    private final CallbackOutbox outbox;
    private final ReviewHolds holds;

    PluginCallbacks(CallbackOutbox outbox, ReviewHolds holds) {
        this.outbox = outbox;
        this.holds = holds;
    }

    /** A confirmed payment the fraud review held at once (the lifecycle moved first) is called on-hold, as the plugin API shows it. */
    void onStatusChange(@Observes PaymentStatusChanged change) {
        if (change.callbackUrl() == null) {
            return; // an order made through the merchant API without a callback URL
        }
        if (change.to() == PaymentStatus.CONFIRMED && change.cause() == PaymentStatusChanged.Cause.CHAIN) {
            String shown = holds.status(Order.findById(change.orderId()));
            if (!shown.equals(PluginStatus.of(PaymentStatus.CONFIRMED))) {
                outbox.enqueue(change.orderId(), change.storeId(), change.callbackUrl(), "order." + shown, shown,
                        "Payment confirmed; the order is held for the store's review before it ships", change.at());
                return;
            }
        }
        outbox.enqueue(change.orderId(), change.storeId(), change.callbackUrl(), event(change), PluginStatus.of(change.to()),
                message(change), change.at());
    }

    /** The end of a fraud review's hold changes what the shop is told: released, confirmed; cancelled or refunded, cancelled. */
    void onLifecycle(@Observes LifecycleStatusChanged change) {
        if (change.from() != LifecycleStatus.HELD) {
            return;
        }
        Order order = Order.findById(change.orderId());
        // a hold the review did not make never showed to the shop: its end changes nothing there
        Optional<String> told = order.callbackUrl == null ? Optional.empty() : holds.afterReview(order);
        if (told.isEmpty()) {
            return;
        }
        String shown = told.get();
        String message = change.to() == LifecycleStatus.PAID ? "Payment confirmed; the store released the order after its review"
                : "Order " + change.to().name().toLowerCase(java.util.Locale.ROOT) + " by the store after its review";
        outbox.enqueue(order.id, order.storeId, order.callbackUrl, "order." + shown, shown, message, change.at());
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
