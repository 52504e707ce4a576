package dev.confirma.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.cluster.config.ClusterConfig;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Leases between instances on one database (on H2 and PostgreSQL): one holder at a time,
 * renewed by its holder, taken over once expired, released on a clean stop; of many instances
 * asking at the same moment, exactly one gets it. Each "instance" is a {@link Leases} with an
 * instance id of its own over the real database; time is the test clock's.
 */
@QuarkusTest
class LeasesTest {

    @Inject
    ClusterConfig config;

    @Test
    void shouldGiveTheLeaseToOneInstanceAndPassItOnOnlyWhenItExpires() {
        String job = "job-" + UUID.randomUUID();
        Leases first = instance("first");
        Leases second = instance("second");

        assertTrue(first.hold(job));
        assertFalse(second.hold(job));
        assertEquals("first", first.holder(job).orElseThrow().instance());
        assertTrue(first.holder(job).orElseThrow().self());
        assertFalse(second.holder(job).orElseThrow().self());

        TestClockProducer.clock().advance(config.leaseTtl().minusSeconds(1));
        assertTrue(first.hold(job), "renewed by its holder");
        TestClockProducer.clock().advance(config.leaseTtl().minusSeconds(1));
        assertFalse(second.hold(job), "the renewal holds it a full lease time again");

        TestClockProducer.clock().advance(Duration.ofSeconds(1));
        assertTrue(second.hold(job), "expired: taken over");
        assertFalse(first.hold(job), "the old holder does not take it back");
        assertEquals("second", second.holder(job).orElseThrow().instance());
    }

    @Test
    void shouldHoldLongerWhenAskedForMoreThanTheConfiguredTime() {
        String job = "job-" + UUID.randomUUID();
        Leases first = instance("first");
        assertTrue(first.hold(job, config.leaseTtl().multipliedBy(4)));
        TestClockProducer.clock().advance(config.leaseTtl().multipliedBy(3));
        assertFalse(instance("second").hold(job));
    }

    @Test
    void shouldPassTheLeaseOnAtOnceWhenItsHolderStopsCleanly() {
        String job = "job-" + UUID.randomUUID();
        Leases first = instance("first");
        assertTrue(first.hold(job));
        first.release(null);
        assertTrue(first.holder(job).isEmpty(), "released: held by no one");
        assertTrue(instance("second").hold(job));
    }

    @Test
    void shouldFenceTheWorkOfAnInstanceThatLostItsLease() {
        String job = "job-" + UUID.randomUUID();
        Leases first = instance("first");
        Leases second = instance("second");
        assertTrue(first.hold(job));
        QuarkusTransaction.requiringNew().run(() -> first.requireHeld(job));
        assertThrows(LeaseLostException.class, () -> QuarkusTransaction.requiringNew().run(() -> second.requireHeld(job)));

        TestClockProducer.clock().advance(config.leaseTtl());
        assertThrows(LeaseLostException.class, () -> QuarkusTransaction.requiringNew().run(() -> first.requireHeld(job)),
                "expired: the stalled holder writes nothing, even before another instance takes it");
        assertTrue(second.hold(job));
        assertThrows(LeaseLostException.class, () -> QuarkusTransaction.requiringNew().run(() -> first.requireHeld(job)));
    }

    @Test
    void shouldGiveAFreshLeaseToExactlyOneOfManyInstancesAskingAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String job = "job-" + UUID.randomUUID();
            List<Boolean> held = Simultaneously.run(8, i -> instance("racer-" + i).hold(job));
            assertEquals(1, held.stream().filter(h -> h).count(), "round " + round + ": " + held);
        }
    }

    private Leases instance(String id) {
        return new Leases(new ServerInstance() {
            @Override
            public String id() {
                return id;
            }
        }, config, TestClockProducer.clock());
    }
}
