package dev.confirma.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes reserved amounts no order can use any more: amounts at deposit addresses once free,
 * and whole ladders whose rungs have all been free for an hour. A ladder is deleted whole,
 * never rung by rung, so a ladder in use keeps its rungs contiguous from its amount due up.
 */
@Singleton
public class ReservedAmountSweep {

    private static final Logger LOG = Logger.getLogger(ReservedAmountSweep.class);
    /** A ladder idle this long is gone; one at a price still selling is reused long before. */
    static final Duration KEEP_IDLE = Duration.ofHours(1);
    /** Ladders deleted per transaction; the loop takes the rest. */
    static final int BATCH = 200;

    private final Clock clock;

    ReservedAmountSweep(Clock clock) {
        this.clock = clock;
    }

    @Scheduled(every = "PT10M", delayed = "PT10M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reserved-amount-sweep")
    void scheduled() {
        sweep();
    }

    /** Returns how many ladders were deleted. */
    public int sweep() {
        Instant idleSince = clock.instant().minus(KEEP_IDLE);
        int atDepositAddresses = QuarkusTransaction.requiringNew().call(() -> ReservedAmount.getEntityManager()
                .createNativeQuery("DELETE FROM reserved_amounts WHERE due_base_units IS NULL AND reserved_until < ?1")
                .setParameter(1, idleSince)
                .executeUpdate());
        int ladders = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteIdleLadders(idleSince));
            ladders += batch.deleted();
        } while (batch.locked() == BATCH);
        if (atDepositAddresses + ladders > 0) {
            LOG.debugf("Deleted %d free amount(s) at deposit addresses and %d idle ladder(s)", atDepositAddresses, ladders);
        }
        return ladders;
    }

    /** Ladders locked as idle in one transaction, and how many of them were still idle and deleted. */
    private record Batch(int locked, int deleted) {
    }

    private static Batch deleteIdleLadders(Instant idleSince) {
        EntityManager em = ReservedAmount.getEntityManager();
        // the ladder's row lock keeps checkouts off it (they take rungs only under that lock), so
        // once locked, "every rung idle" cannot change before the delete
        List<?> idle = em.createNativeQuery("SELECT protocol, asset, address, due_base_units FROM amount_ladders l"
                        + " WHERE NOT EXISTS (SELECT 1 FROM reserved_amounts r WHERE r.protocol = l.protocol"
                        + " AND r.asset = l.asset AND r.address = l.address AND r.due_base_units = l.due_base_units"
                        + " AND r.reserved_until >= ?1)"
                        + " FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, idleSince)
                .getResultList();
        int deleted = 0;
        for (Object row : idle) {
            Object[] key = (Object[]) row;
            // read again now that the ladder is ours: a checkout may have taken a rung just before we locked it
            long inUse = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM reserved_amounts WHERE protocol = ?1"
                            + " AND asset = ?2 AND address = ?3 AND due_base_units = ?4 AND reserved_until >= ?5")
                    .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, key[2]).setParameter(4, key[3])
                    .setParameter(5, idleSince)
                    .getSingleResult()).longValue();
            if (inUse > 0) {
                continue;
            }
            em.createNativeQuery("DELETE FROM reserved_amounts WHERE protocol = ?1 AND asset = ?2 AND address = ?3"
                            + " AND due_base_units = ?4")
                    .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, key[2]).setParameter(4, key[3])
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM amount_ladders WHERE protocol = ?1 AND asset = ?2 AND address = ?3"
                            + " AND due_base_units = ?4")
                    .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, key[2]).setParameter(4, key[3])
                    .executeUpdate();
            deleted++;
        }
        return new Batch(idle.size(), deleted);
    }
}
