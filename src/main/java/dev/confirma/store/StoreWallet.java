package dev.confirma.store;

import dev.confirma.chain.Protocol;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The address a store is paid at on one chain. */
@Embeddable
public class StoreWallet {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Protocol protocol;

    /** EIP-55 checksummed. */
    @Column(nullable = false)
    public String address;

    public StoreWallet() {
    }

    public StoreWallet(Protocol protocol, String address) {
        this.protocol = protocol;
        this.address = address;
    }
}
