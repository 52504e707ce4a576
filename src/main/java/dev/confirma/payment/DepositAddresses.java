package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.evm.ExtendedPublicKey;
import dev.confirma.store.Store;
import dev.confirma.store.StoreWallet;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each order of a store with an xpub wallet its own address, {@code <xpub>/0/<index>}
 * with the store's next index. The watcher watches it through the order's reserved amounts
 * ({@link ReservedAddresses}), which last exactly as long as a payment there can count.
 */
@Singleton
public class DepositAddresses {

    /**
     * The order's addresses on every chain where the store's wallet is an xpub (none when it has
     * no xpub). Call inside the order's transaction: the store's index moves with the order.
     */
    public Map<Protocol, String> assign(Store store, String orderId) {
        Map<Protocol, String> addresses = new HashMap<>();
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
            throw new DepositAddressesExhaustedException();
        }
        return (int) taken;
    }
}
