package dev.confirma.order;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

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

    /** The order's timeline, creation first. */
    public List<Step> of(Order order) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(LifecycleStatus.CREATED, order.createdAt, order.createdBy(), null));
        for (TimelineEntry entry : TimelineEntry.of(order.id)) {
            steps.add(new Step(entry.status(), entry.at(), entry.actor(), entry.reason()));
        }
        return steps;
    }

    public record Step(LifecycleStatus status, java.time.Instant at, String actor, String reason) {
    }
}
