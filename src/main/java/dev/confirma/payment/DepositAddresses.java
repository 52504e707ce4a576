package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.evm.ExtendedPublicKey;
import dev.confirma.chain.watch.PaymentAddresses;
import dev.confirma.common.error.ApiException;
import dev.confirma.store.Store;
import dev.confirma.store.StoreWallet;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Gives each order of a store with an xpub wallet its own address, {@code <xpub>/0/<index>}
 * with the store's next index, and tells the watcher which of them are still watched: until
 * their order's late-payment window closes.
 */
@Singleton
public class DepositAddresses implements PaymentAddresses {

    private final Clock clock;

    DepositAddresses(Clock clock) {
        this.clock = clock;
    }

    /**
     * The order's addresses on every chain where the store's wallet is an xpub (none when it has
     * no xpub). Call inside the order's transaction: the store's index moves with the order.
     */
    public Map<Protocol, String> assign(Store store, String orderId, Instant watchUntil) {
        Map<Protocol, String> addresses = new EnumMap<>(Protocol.class);
        if (store.wallets.stream().noneMatch(StoreWallet::derivesAddresses)) {
            return addresses;
        }
        int index = nextIndex(store.id);
        for (StoreWallet wallet : store.wallets) {
            if (!wallet.derivesAddresses()) {
                continue;
            }
            DepositAddress deposit = new DepositAddress();
            deposit.id = new DepositAddress.Id(wallet.protocol.name(), ExtendedPublicKey.parse(wallet.xpub).derive(0, index).address());
            deposit.storeId = store.id;
            deposit.orderId = orderId;
            deposit.derivationIndex = index;
            deposit.watchUntil = watchUntil;
            deposit.persist();
            addresses.put(wallet.protocol, deposit.id.address);
        }
        return addresses;
    }

    /** Takes the store's next derivation index; the row lock orders concurrent checkouts. */
    private static int nextIndex(String storeId) {
        EntityManager em = DepositAddress.getEntityManager();
        em.createNativeQuery("update stores set next_deposit_index = next_deposit_index + 1 where id = ?1")
                .setParameter(1, storeId)
                .executeUpdate();
        long taken = ((Number) em.createNativeQuery("select next_deposit_index from stores where id = ?1")
                .setParameter(1, storeId)
                .getSingleResult()).longValue() - 1;
        if (taken > Integer.MAX_VALUE) {
            throw ApiException.conflict("deposit_addresses_exhausted",
                    "This store has used all 2^31 addresses of its xpub; register a new account's xpub");
        }
        return (int) taken;
    }

    @Override
    public Collection<String> on(Protocol chain) {
        return DepositAddress.getEntityManager().createQuery("select d.id.address from DepositAddress d"
                        + " where d.id.protocol = :protocol and d.watchUntil >= :now", String.class)
                .setParameter("protocol", chain.name())
                .setParameter("now", clock.instant())
                .getResultList();
    }
}
