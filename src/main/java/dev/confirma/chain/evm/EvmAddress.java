package dev.confirma.chain.evm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** EVM account addresses: 20 bytes of hex, EIP-55 checksummed when written in mixed case. */
public final class EvmAddress {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private EvmAddress() {
    }

    /**
     * The checksummed form of {@code value}, or empty when it is not an address or its mixed
     * case does not match the EIP-55 checksum (a typo the checksum exists to catch).
     */
    public static Optional<String> parse(String value) {
        if (value == null || !HEX_ADDRESS.matcher(value).matches()) {
            return Optional.empty();
        }
        String checksummed = Keys.toChecksumAddress(value);
        String hex = value.substring(2);
        boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!singleCase && !checksummed.equals(value)) {
            return Optional.empty();
        }
        return Optional.of(checksummed);
    }

    public static boolean isZero(String address) {
        return address.substring(2).chars().allMatch(c -> c == '0');
    }
}
