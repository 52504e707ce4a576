package dev.confirma.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;

/** One step of an order's lifecycle, appended by {@link OrderStateMachine} and never changed. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @EmbeddedId
    Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LifecycleStatus status;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column
    private String reason;

    protected TimelineEntry() {
    }

    TimelineEntry(String orderId, int seq, LifecycleStatus status, Instant at, Actor actor, String reason) {
        this.key = new Key(orderId, seq);
        this.status = status;
        this.at = at;
        this.actor = actor.name();
        this.reason = reason;
    }

    public LifecycleStatus status() {
        return status;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    /** The timelines of these orders, each oldest first: one query for a page of orders. */
    static Map<String, List<TimelineEntry>> forOrders(Collection<String> orderIds) {
        List<TimelineEntry> entries = find("key.orderId in ?1 order by key.orderId, key.seq", orderIds).list();
        return entries.stream().collect(Collectors.groupingBy(entry -> entry.key.orderId, LinkedHashMap::new, Collectors.toList()));
    }

    static int nextSeq(String orderId) {
        Integer last = getEntityManager()
                .createQuery("select max(t.key.seq) from TimelineEntry t where t.key.orderId = :id", Integer.class)
                .setParameter("id", orderId)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "order_id", nullable = false)
        String orderId;

        @Column(nullable = false)
        int seq;

        protected Key() {
        }

        Key(String orderId, int seq) {
            this.orderId = orderId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && k.orderId.equals(orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, seq);
        }
    }
}
