package dev.confirma.chain.watch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one chain's watcher looks for: the addresses payments go to (lower-case) and the
 * assets it recognises: the native one, and by (lower-case) contract the ones moved by
 * {@code Transfer} logs, which includes a native coin's own ERC-20 interface (CELO's token
 * duality) under the native symbol. It grows with stores, never with open orders.
 */
public record Watchlist(Set<String> addresses, Optional<String> nativeAsset, Map<String, String> tokenSymbolByContract) {

    public boolean isEmpty() {
        return addresses.isEmpty();
    }
}
