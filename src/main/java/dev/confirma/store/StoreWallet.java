package dev.confirma.store;

import dev.confirma.chain.Protocol;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a store is paid on one chain: a fixed address, or an extended public key (xpub) from
 * which each order gets its own deposit address.
 */
@Embeddable
public class StoreWallet {

    @Column(nullable = false)
    public Protocol protocol;

    /** EIP-55 checksummed; null when the wallet is an xpub. */
    @Column
    public String address;

    /** BIP-32 extended public key (account level, e.g. m/44'/60'/0'); orders are paid at its /0/i children. */
    @Column
    public String xpub;

    public StoreWallet() {
    }

    public static StoreWallet fixed(Protocol protocol, String address) {
        StoreWallet wallet = new StoreWallet();
        wallet.protocol = protocol;
        wallet.address = address;
        return wallet;
    }

    public static StoreWallet derived(Protocol protocol, String xpub) {
        StoreWallet wallet = new StoreWallet();
        wallet.protocol = protocol;
        wallet.xpub = xpub;
        return wallet;
    }

    public boolean derivesAddresses() {
        return xpub != null;
    }
}
