package dev.confirma.fraud;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the screening made of orders, as the merchant API shows it. */
@Singleton
public class FraudReviews {

    /** An order's score against its store's threshold then, the rules that fired, and whether it was held for them. */
    public record Review(int score, int threshold, boolean flagged, List<String> fired, boolean held) {
    }

    /** The reviews of the orders screened among {@code orderIds}, in one query. */
    public Map<String, Review> of(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return FraudCheck.<FraudCheck>list("orderId in ?1", List.copyOf(orderIds)).stream().collect(Collectors.toMap(c -> c.orderId,
                c -> new Review(c.score, c.threshold, c.flagged(), c.fired == null ? List.of() : Arrays.asList(c.fired.split("; ")),
                        c.heldAt != null)));
    }
}
