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

    Leases(ServerInstance instance, ClusterConfig config, Clock clock) {
        this.instance = instance;
        this.config = config;
        this.clock = clock;
    }

    /** Takes or renews lease {@code name} for the configured time; whether this instance holds it now. */
    public boolean hold(String name) {
        return hold(name, config.leaseTtl());
    }

    /** Takes or renews lease {@code name} for at least {@code ttl} (never less than the configured time). */
    public boolean hold(String name, Duration ttl) {
        Duration lasting = ttl.compareTo(config.leaseTtl()) > 0 ? ttl : config.leaseTtl();
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

    /** Who holds lease {@code name} now, if anyone (an expired lease is held by no one). */
    public Optional<Holder> holder(String name) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> JobLease.<JobLease>findByIdOptional(name))
                .filter(lease -> lease.expiresAt.isAfter(now))
                .map(lease -> new Holder(lease.holder, lease.holder.equals(instance.id()), lease.acquiredAt, lease.expiresAt));
    }

    /** On a clean stop, this instance's leases end at once: another instance takes over without waiting. */
    void release(@Observes ShutdownEvent stopping) {
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
