package dev.confirma.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

/**
 * Work that loses a race with other transactions through no fault of its caller (a key taken
 * at the same moment, a lock wait that timed out, a deadlock the database broke, a row changed
 * under it) and is simply tried again, a bounded number of times, in a fresh transaction.
 */
public final class Contention {

    private static final Logger LOG = Logger.getLogger(Contention.class);

    private Contention() {
    }

    /**
     * Runs {@code transaction} (which must open and commit its own transaction) until it
     * succeeds or {@code attempts} are used up; the last race is thrown.
     */
    public static <T> T retrying(int attempts, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isRace(e)) {
                    throw e;
                }
                LOG.debugf("Lost a race with another transaction (%s), attempt %d of %d", e.getClass().getSimpleName(),
                        attempt, attempts);
            }
        }
    }

    /** A conflict with a concurrent transaction, anywhere in the cause chain. */
    public static boolean isRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof org.hibernate.PessimisticLockException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
