package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.PaymentAddresses;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;

/**
 * Addresses open orders were quoted, while their amounts are reserved: still watched after a
 * store changes or drops that wallet, until the orders' late-payment windows close.
 */
@Singleton
public class ReservedAddresses implements PaymentAddresses {

    private final Clock clock;

    ReservedAddresses(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Collection<String> on(Protocol chain) {
        return ReservedAmount.getEntityManager().createQuery("select distinct r.id.address from ReservedAmount r"
                        + " where r.id.protocol = :chain and r.reservedUntil > :now", String.class)
                .setParameter("chain", chain.name())
                .setParameter("now", clock.instant())
                .getResultList();
    }
}
