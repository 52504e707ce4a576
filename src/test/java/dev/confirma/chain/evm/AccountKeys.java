package dev.confirma.chain.evm;

import org.web3j.crypto.Bip32ECKeyPair;

/** Test helper: the xpub a wallet exports for a key derived from a seed. */
public final class AccountKeys {

    private AccountKeys() {
    }

    public static String xpubOf(Bip32ECKeyPair key) {
        return new ExtendedPublicKey(key.getDepth(), key.getParentFingerprint(), key.getChildNumber(), key.getChainCode(),
                key.getPublicKeyPoint()).serialize();
    }
}
