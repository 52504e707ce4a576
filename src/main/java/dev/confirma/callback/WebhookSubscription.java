package dev.confirma.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant system's subscription to order events (/v1/webhooks): one more target of the
 * outbox, signed with its own secret. Deleted ones are kept (their deliveries point at them).
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(nullable = false)
    public String url;

    /** Event names, comma-separated. */
    @Column(nullable = false)
    public String events;

    @Column(nullable = false)
    public String secret;

    /** Extra request headers: a JSON object of strings. */
    @Column(nullable = false)
    public String headers;

    @Column
    public String description;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "last_delivered_at")
    public Instant lastDeliveredAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public Set<String> eventSet() {
        return Set.copyOf(eventList());
    }

    public List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(e -> !e.isEmpty()).toList();
    }

    static Optional<WebhookSubscription> findForStore(String id, String storeId) {
        if (id == null || id.length() > 40) {
            return Optional.empty();
        }
        return find("id = ?1 and storeId = ?2 and deletedAt is null", id, storeId).firstResultOptional();
    }

    static List<WebhookSubscription> forStore(String storeId) {
        return list("storeId = ?1 and deletedAt is null order by createdAt, id", storeId);
    }

    /** The enabled subscriptions of a store that receive {@code event}. */
    static List<WebhookSubscription> receiving(String storeId, String event) {
        return forStore(storeId).stream().filter(s -> s.enabled && s.eventSet().contains(event)).toList();
    }
}
