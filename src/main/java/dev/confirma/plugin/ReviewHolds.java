package dev.confirma.plugin;

import dev.confirma.fraud.FraudReviews;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.PaymentStatus;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shop is told of an order the fraud review held: WooCommerce ships a {@code confirmed}
 * order, so while the hold lasts the plugin API calls it {@code on-hold}; released, it is
 * {@code confirmed}; cancelled or refunded after the review, {@code cancelled}. Every other
 * order shows its payment status as it is.
 */
@Singleton
class ReviewHolds {

    private final FraudReviews reviews;

    ReviewHolds(FraudReviews reviews) {
        this.reviews = reviews;
    }

    /** Whether the fraud review held this paid order (it may have been released or ended since). */
    boolean heldForReview(Order order) {
        FraudReviews.Review review = reviews.of(List.of(order.id)).get(order.id);
        return review != null && review.held() && order.paymentStatus() == PaymentStatus.CONFIRMED;
    }

    String status(Order order) {
        return statuses(List.of(order)).get(order.id);
    }

    /** The plugin's {@code paymentStatus} of each order, with one query for them all. */
    Map<String, String> statuses(List<Order> orders) {
        Map<String, FraudReviews.Review> found = reviews.of(orders.stream().map(o -> o.id).toList());
        Map<String, String> statuses = new HashMap<>();
        for (Order order : orders) {
            FraudReviews.Review review = found.get(order.id);
            boolean heldForReview = review != null && review.held() && order.paymentStatus() == PaymentStatus.CONFIRMED;
            statuses.put(order.id, heldForReview ? afterReview(order.lifecycleStatus()) : PluginStatus.of(order.paymentStatus()));
        }
        return statuses;
    }

    private static String afterReview(LifecycleStatus status) {
        return switch (status) {
            case HELD -> PluginStatus.of(PaymentStatus.ON_HOLD);
            case CANCELLED, REFUNDED -> PluginStatus.of(PaymentStatus.CANCELLED);
            default -> PluginStatus.of(PaymentStatus.CONFIRMED);
        };
    }
}
