package dev.confirma.chain.evm;

import java.util.regex.Pattern;

/** The spelling of an EVM transaction hash: 0x and 32 bytes in hex, either case. */
public final class TransactionHash {

    private static final Pattern SPELLING = Pattern.compile("0x[0-9a-fA-F]{64}");

    private TransactionHash() {
    }

    public static boolean isWellFormed(String hash) {
        return hash != null && SPELLING.matcher(hash).matches();
    }
}
