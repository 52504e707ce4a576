package dev.confirma.cluster;

import dev.confirma.cluster.config.ClusterConfig;
import dev.confirma.common.Contention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Leases on work only one instance may do at a time. {@link #hold} takes a free or expired
 * lease, or renews one this instance holds, in one conditional UPDATE: of two instances asking
 * at once, one gets it. A holder that dies stops renewing, and the lease passes to the next
 * instance that asks once it has expired. Time is the instances' clocks: keep them in sync (NTP).
 */
@Singleton
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class);

    private final ServerInstance instance;
    private final ClusterConfig config;
    private final Clock clock;
    /** Set on a clean stop: a poll still running takes no lease back after it was released. */
    private volatile boolean stopping;

    Leases(ServerInstance instance, ClusterConfig config, Clock clock) {
        this.instance = instance;
        this.config = config;
        this.clock = clock;
    }

    /** Takes or renews lease {@code name} for the configured time; whether this instance holds it now. */
    public boolean hold(String name) {
        return hold(name, config.leaseTtl());
    }

    /** How long a lease asked for {@code ttl} lasts: never less than the configured time. */
    public Duration lasting(Duration ttl) {
        return ttl.compareTo(config.leaseTtl()) > 0 ? ttl : config.leaseTtl();
    }

    /** Takes or renews lease {@code name} for at least {@code ttl} (never less than the configured time). */
    public boolean hold(String name, Duration ttl) {
        if (stopping) {
            return false;
        }
        Duration lasting = lasting(ttl);
        Instant now = clock.instant();
        Instant until = now.plus(lasting);
        String me = instance.id();
        int taken = QuarkusTransaction.requiringNew().call(() -> JobLease.update(
                "acquiredAt = case when holder = ?1 then acquiredAt else ?2 end, holder = ?1, expiresAt = ?3"
                        + " where name = ?4 and (holder = ?1 or expiresAt <= ?2)", me, now, until, name));
        if (taken > 0) {
            return true;
        }
        if (QuarkusTransaction.requiringNew().call(() -> JobLease.count("name", name)) > 0) {
            return false; // held by another instance, not expired
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                JobLease lease = new JobLease();
                lease.name = name;
                lease.holder = me;
                lease.acquiredAt = now;
                lease.expiresAt = until;
                lease.persistAndFlush();
            });
            LOG.infof("This instance (%s) took the lease on %s", me, name);
            return true;
        } catch (RuntimeException e) {
            if (!Contention.isRace(e)) {
                throw e;
            }
            return false; // another instance created it at the same moment: theirs
        }
    }

    /**
     * Inside the caller's transaction, which must be writing the leased work: fails it with
     * {@link LeaseLostException} unless this instance still holds lease {@code name}. The row stays
     * locked until the transaction ends, so no other instance takes the lease before the work is
     * committed (a fence: a holder that stalled past its lease cannot write after its successor).
     */
    public void requireHeld(String name) {
        int held = JobLease.update("holder = holder where name = ?1 and holder = ?2 and expiresAt > ?3", name, instance.id(),
                clock.instant());
        if (held == 0) {
            throw new LeaseLostException(name);
        }
    }

    /** Gives lease {@code name} up now, if this instance holds it: another instance may take it at its next try. */
    public void giveUp(String name) {
        QuarkusTransaction.requiringNew().run(() -> JobLease.update("expiresAt = ?1 where name = ?2 and holder = ?3", clock.instant(), name,
                instance.id()));
    }

    /** Who holds lease {@code name} now, if anyone (an expired lease is held by no one). */
    public Optional<Holder> holder(String name) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> JobLease.<JobLease>findByIdOptional(name))
                .filter(lease -> lease.expiresAt.isAfter(now))
                .map(lease -> new Holder(lease.holder, lease.holder.equals(instance.id()), lease.acquiredAt, lease.expiresAt));
    }

    /** On a clean stop, this instance's leases end at once: another instance takes over without waiting. */
    void release(@Observes ShutdownEvent stop) {
        stopping = true;
        try {
            QuarkusTransaction.requiringNew().run(() -> JobLease.update("expiresAt = ?1 where holder = ?2", clock.instant(), instance.id()));
        } catch (RuntimeException e) {
            // the database may already be gone at shutdown: the leases then expire by themselves
            LOG.warnf("Could not release this instance's leases at shutdown (they expire by themselves): %s", e.getMessage());
        }
    }

    /** A lease's holder: an instance id, whether it is this instance, since when and until when. */
    public record Holder(String instance, boolean self, Instant since, Instant until) {
    }
}
