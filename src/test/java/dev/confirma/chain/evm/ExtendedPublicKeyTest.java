package dev.confirma.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/** Public derivation checked against BIP-32's published vectors and against web3j's private derivation. */
class ExtendedPublicKeyTest {

    // BIP-32 test vector 1 (seed 000102030405060708090a0b0c0d0e0f)
    private static final String M_0H = "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";
    private static final String M_0H_1 = "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ";
    private static final String M_0H_1_2H_2 = "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV";
    private static final String M_0H_1_2H_2_1000000000 = "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy";
    private static final String M_PRIVATE = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

    @Test
    void shouldDeriveThePublishedBip32Children() {
        assertEquals(M_0H_1, ExtendedPublicKey.parse(M_0H).child(1).serialize());
        assertEquals(M_0H_1_2H_2_1000000000, ExtendedPublicKey.parse(M_0H_1_2H_2).child(1_000_000_000).serialize());
    }

    @Test
    void shouldRoundTripItsTextForm() {
        assertEquals(M_0H, ExtendedPublicKey.parse(M_0H).serialize());
    }

    @Test
    void shouldGiveTheAddressesAWalletShowsForItsAccountXpub() {
        // Hardhat's and anvil's well-known mnemonic: m/44'/60'/0'/0/i are its funded accounts
        byte[] seed = MnemonicUtils.generateSeed("test test test test test test test test test test test junk", "");
        Bip32ECKeyPair account = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed),
                new int[] {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT});
        ExtendedPublicKey xpub = ExtendedPublicKey.parse(AccountKeys.xpubOf(account));

        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", xpub.derive(0, 0).address());
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", xpub.derive(0, 1).address());
        for (int index : new int[] {2, 17, 123_456}) {
            Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(account, new int[] {0, index});
            assertEquals(Credentials.create(child).getAddress(), xpub.derive(0, index).address().toLowerCase());
        }
    }

    @Test
    void shouldRefuseAPrivateKeyAndNameIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(M_PRIVATE));
        assertTrue(e.getMessage().contains("PRIVATE"), e.getMessage());
    }

    @Test
    void shouldRefuseABrokenChecksumOrLength() {
        String typo = M_0H.substring(0, 40) + (M_0H.charAt(40) == 'a' ? 'b' : 'a') + M_0H.substring(41);
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(typo));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(M_0H.substring(0, 60)));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse("0OIl"));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(""));
    }

    @Test
    void shouldRefuseHardenedDerivation() {
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(M_0H).child(Integer.MIN_VALUE));
    }
}
