package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.evm.EvmAddress;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvmAddressTest {

    /** The test vectors of EIP-55. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void shouldAcceptEip55VectorsInEveryCasing(String address) {
        assertEquals(Optional.of(address), EvmAddress.parse(address));
        assertEquals(Optional.of(address), EvmAddress.parse(address.toLowerCase(Locale.ROOT)));
        assertEquals(Optional.of(address), EvmAddress.parse("0x" + address.substring(2).toUpperCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // last letter's case flipped
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  // 39 digits
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",   // no 0x
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",
            ""})
    void shouldRefuseMalformedOrMisChecksummedAddresses(String address) {
        assertTrue(EvmAddress.parse(address).isEmpty());
    }
}
