package dev.confirma.privacy;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.PaymentStatus;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Erases personal fields automatically for stores with {@code retentionDays}: an order is erased
 * once it has been final for that many days. Final: its status is CANCELLED, REFUNDED or
 * DELIVERED; or its payment is decided (confirmed, failed, cancelled) and it is not waiting on a
 * merchant (HELD, DISPUTED, RETURNED) — a plugin's orders never go past PAID, a failed one stays
 * CREATED. Either way unchanged since the later of its last change ({@code updated_at}) and the
 * end of its late-payment window ({@code monitored_until}, so an expired order a late payment
 * could still reopen is not final yet). A page of orders at a time; one audit row per store and
 * run that erased anything.
 */
@Singleton
public class Retention {

    static final Set<LifecycleStatus> FINAL = EnumSet.of(LifecycleStatus.CANCELLED, LifecycleStatus.REFUNDED, LifecycleStatus.DELIVERED);
    /** Waiting on the merchant: never final, whatever the payment. */
    static final Set<LifecycleStatus> UNDER_WAY = EnumSet.of(LifecycleStatus.HELD, LifecycleStatus.DISPUTED, LifecycleStatus.RETURNED);
    static final Set<PaymentStatus> DECIDED = EnumSet.of(PaymentStatus.CONFIRMED, PaymentStatus.FAILED, PaymentStatus.CANCELLED);
    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int PAGE = 100;

    private final OrderErasure erasure;
    private final AuditLog audit;
    private final Clock clock;

    Retention(OrderErasure erasure, AuditLog audit, Clock clock) {
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "{confirma.privacy.retention-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "privacy-retention")
    void scheduled() {
        run();
    }

    /** One run over every store with a retention period; answers the orders erased per store. */
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        List<Object[]> stores = QuarkusTransaction.requiringNew().call(() -> Store.getEntityManager().createQuery(
                "select s.id, s.retentionDays from Store s where s.retentionDays is not null order by s.id", Object[].class).getResultList());
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (Object[] store : stores) {
            String storeId = (String) store[0];
            int days = (Integer) store[1];
            Erased done = sweep(storeId, now.minus(Duration.ofDays(days)));
            if (done.orders() > 0) {
                audit.record(AuditLog.SYSTEM, storeId, AuditLog.RETENTION_ERASE, null,
                        "{\"retention_days\":" + days + "," + done.detail().substring(1));
                LOG.infof("Retention: erased the personal fields of %d order(s) of store %s, final for over %d days", done.orders(),
                        storeId, days);
            }
            erased.put(storeId, done.orders());
        }
        return erased;
    }

    private Erased sweep(String storeId, Instant cutoff) {
        Erased total = Erased.NOTHING;
        Instant afterAt = Instant.EPOCH;
        String afterId = "";
        while (true) {
            List<Object[]> page = page(storeId, cutoff, afterAt, afterId);
            for (Object[] row : page) {
                total = total.plus(erasure.erase((String) row[0], order -> order.storeId.equals(storeId) && isFinalBefore(order, cutoff)));
            }
            if (page.size() < PAGE) {
                return total;
            }
            Object[] last = page.get(page.size() - 1);
            afterId = (String) last[0];
            afterAt = (Instant) last[1];
        }
    }

    private static List<Object[]> page(String storeId, Instant cutoff, Instant afterAt, String afterId) {
        return QuarkusTransaction.requiringNew().call(() -> Order.getEntityManager().createQuery(
                        "select o.id, o.updatedAt from Order o where o.storeId = :store"
                                + " and (o.lifecycleStatus in :final or (o.lifecycleStatus not in :underWay and o.paymentStatus in :decided))"
                                + " and o.erasedAt is null and o.updatedAt < :cutoff and o.monitoredUntil < :cutoff"
                                + " and (o.updatedAt > :afterAt or (o.updatedAt = :afterAt and o.id > :afterId))"
                                + " order by o.updatedAt, o.id", Object[].class)
                .setParameter("store", storeId)
                .setParameter("final", FINAL)
                .setParameter("underWay", UNDER_WAY)
                .setParameter("decided", DECIDED)
                .setParameter("cutoff", cutoff)
                .setParameter("afterAt", afterAt)
                .setParameter("afterId", afterId)
                .setMaxResults(PAGE)
                .getResultList());
    }

    /** Checked again under the order's lock: a status change since the page was read may have reopened it. */
    static boolean isFinalBefore(Order order, Instant cutoff) {
        boolean done = FINAL.contains(order.lifecycleStatus())
                || !UNDER_WAY.contains(order.lifecycleStatus()) && DECIDED.contains(order.paymentStatus());
        return done && order.updatedAt.isBefore(cutoff) && order.monitoredUntil.isBefore(cutoff);
    }
}
