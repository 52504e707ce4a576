package dev.confirma.chain.watch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one chain's watcher looks for: the addresses payments go to (lower-case) and the
 * assets it recognises. It grows with stores, never with open orders.
 */
public record Watchlist(Set<String> addresses, Optional<String> nativeAsset, Map<String, String> tokenSymbolByContract) {

    public boolean isEmpty() {
        return addresses.isEmpty();
    }
}
