package dev.confirma.plugin;

import dev.confirma.fraud.FraudReviews;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.PaymentStatus;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** What the shop is told of a paid order the fraud review held (it may have been released or ended since); empty for any other. */
    Optional<String> afterReview(Order order) {
        return heldForReview(order, reviews.of(List.of(order.id)).get(order.id)) ? Optional.of(afterReview(order.lifecycleStatus()))
                : Optional.empty();
    }

    String status(Order order) {
        return afterReview(order).orElseGet(() -> PluginStatus.of(order.paymentStatus()));
    }

    /** The plugin's {@code paymentStatus} of each order, with one query for them all. */
    Map<String, String> statuses(List<Order> orders) {
        Map<String, FraudReviews.Review> found = reviews.of(orders.stream().map(o -> o.id).toList());
        Map<String, String> statuses = new HashMap<>();
        for (Order order : orders) {
            statuses.put(order.id, heldForReview(order, found.get(order.id)) ? afterReview(order.lifecycleStatus())
                    : PluginStatus.of(order.paymentStatus()));
        }
        return statuses;
    }

    private static boolean heldForReview(Order order, FraudReviews.Review review) {
        return review != null && review.held() && order.paymentStatus() == PaymentStatus.CONFIRMED;
    }

    private static String afterReview(LifecycleStatus status) {
        return switch (status) {
            case HELD -> PluginStatus.of(PaymentStatus.ON_HOLD);
            case CANCELLED, REFUNDED -> PluginStatus.of(PaymentStatus.CANCELLED);
            default -> PluginStatus.of(PaymentStatus.CONFIRMED);
        };
    }
}
