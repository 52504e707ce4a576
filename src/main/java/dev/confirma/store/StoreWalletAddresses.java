package dev.confirma.store;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.PaymentAddresses;
import jakarta.inject.Singleton;
import java.util.Collection;

/** Active stores' wallets: where new checkouts are paid. */
@Singleton
public class StoreWalletAddresses implements PaymentAddresses {

    @Override
    public Collection<String> on(Protocol chain) {
        return Store.walletAddresses(chain);
    }
}
