package dev.confirma.chain;

import java.util.Optional;

/**
 * An asset accepted on one chain: its symbol (the API's name for it), contract (empty for the
 * native coin), decimals, the name shoppers know it by, and for a native coin that is also an
 * ERC-20 (CELO) the contract whose {@code Transfer} logs move it.
 */
public record Asset(Protocol protocol, long chainId, String symbol, Optional<String> contract, int decimals,
                    Optional<String> coingeckoId, Optional<String> tokenContract, String displayName) {

    public AssetId id() {
        return new AssetId(protocol.name(), symbol);
    }

    public boolean isNative() {
        return contract.isEmpty();
    }
}
