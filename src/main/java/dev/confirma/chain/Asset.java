package dev.confirma.chain;

import java.util.Optional;

/** An asset accepted on one chain: its symbol, contract (empty for the native coin) and decimals. */
public record Asset(Protocol protocol, long chainId, String symbol, Optional<String> contract, int decimals,
                    Optional<String> coingeckoId) {

    public boolean isNative() {
        return contract.isEmpty();
    }
}
