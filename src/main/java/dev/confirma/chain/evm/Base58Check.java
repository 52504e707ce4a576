package dev.confirma.chain.evm;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * Bitcoin's Base58Check, the text form of BIP-32 extended keys: payload plus the first four
 * bytes of its double SHA-256. web3j has no Base58; it is small enough not to add a library for.
 */
final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Check() {
    }

    /** The payload, or empty when the text is not Base58 or its checksum does not match. */
    static Optional<byte[]> decode(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : stripSign(value.toByteArray());
        byte[] raw = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, raw, leadingZeros, magnitude.length);
        if (raw.length < 4) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(raw, 0, raw.length - 4);
        byte[] checksum = Arrays.copyOfRange(raw, raw.length - 4, raw.length);
        return Arrays.equals(checksum, checksum(payload)) ? Optional.of(payload) : Optional.empty();
    }

    static String encode(byte[] payload) {
        byte[] raw = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(checksum(payload), 0, raw, payload.length, 4);
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, raw);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < raw.length && raw[i] == 0; i++) {
            text.append('1');
        }
        return text.reverse().toString();
    }

    private static byte[] checksum(byte[] payload) {
        return Arrays.copyOf(Hash.sha256(Hash.sha256(payload)), 4);
    }

    private static byte[] stripSign(byte[] bytes) {
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
