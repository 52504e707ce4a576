package dev.confirma.order;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends every lifecycle change to the order's timeline, in the transaction that made it. The
 * first step, its creation, is the order's own {@code createdAt} and {@code createdBy}.
 */
@Singleton
public class OrderTimeline {

    void record(@Observes LifecycleStatusChanged change) {
        new TimelineEntry(change.orderId(), TimelineEntry.nextSeq(change.orderId()), change.to(), change.at(), change.actor(),
                change.reason()).persist();
    }

    /** Each order's timeline, creation first, in one query for them all. */
    public Map<String, List<Step>> of(List<Order> orders) {
        Map<String, List<TimelineEntry>> entries = TimelineEntry.forOrders(orders.stream().map(o -> o.id).toList());
        Map<String, List<Step>> timelines = new HashMap<>();
        for (Order order : orders) {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(LifecycleStatus.CREATED, order.createdAt, order.createdBy(), null));
            for (TimelineEntry entry : entries.getOrDefault(order.id, List.of())) {
                steps.add(new Step(entry.status(), entry.at(), entry.actor(), entry.reason()));
            }
            timelines.put(order.id, steps);
        }
        return timelines;
    }

    public record Step(LifecycleStatus status, java.time.Instant at, String actor, String reason) {
    }
}
