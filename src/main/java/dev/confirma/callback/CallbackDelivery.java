package dev.confirma.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One callback event to one target, an order's {@code callbackUrl} or a webhook subscription:
 * an outbox row, written in the transaction of the change it announces, kept after it is
 * delivered or dead.
 */
@Entity
@Table(name = "callback_deliveries")
public class CallbackDelivery extends PanacheEntityBase {

    public enum State {
        PENDING, DELIVERED, DEAD;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Database order of events; one at a time per order is sent, lowest first. */
    @Id
    @SequenceGenerator(name = "callback_delivery_seq", sequenceName = "callback_delivery_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "callback_delivery_seq")
    public Long seq;

    /** The id the API shows. */
    @Column(nullable = false)
    public String id;

    /** The order the event is about; null for a subscription's test event. */
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    @Column(nullable = false)
    public String event;

    /** The Cryptum callback's paymentStatus and message; null for a subscription's events. */
    @Column(name = "payment_status")
    public String paymentStatus;

    @Column
    public String message;

    /** The subscription it goes to; null when it goes to the order's {@code callbackUrl}. */
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(nullable = false)
    public String url;

    @Column
    public String body;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "attempt_count", nullable = false)
    public int attemptCount;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "redelivery_of")
    public String redeliveryOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static Optional<CallbackDelivery> findByPublicId(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return find("id", id).firstResultOptional();
    }

    /** An order's callbacks to its {@code callbackUrl} (its subscriptions' events are theirs). */
    public static List<CallbackDelivery> forOrder(String orderId) {
        return list("orderId = ?1 and subscriptionId is null order by seq", orderId);
    }

    public static List<CallbackDelivery> bySeq(Collection<Long> seqs) {
        return list("seq in ?1 order by seq", seqs);
    }
}
