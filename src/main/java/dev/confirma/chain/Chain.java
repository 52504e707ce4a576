package dev.confirma.chain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One EVM chain as configured under {@code confirma.chains.<name>.*}: what the watcher reads,
 * how deep a payment must be, and what shoppers and their wallets are shown.
 */
public record Chain(Protocol protocol, boolean enabled, long chainId, String displayName, String nativeSymbol, int nativeDecimals,
                    int confirmations, Duration pollInterval, List<String> rpcUrls, Optional<String> explorerUrl,
                    Optional<String> walletRpcUrl) {

    /** The page of a transaction on the chain's explorer, when one is configured. */
    public Optional<String> transactionUrl(String hash) {
        return explorerUrl.map(base -> base.replaceAll("/+$", "") + "/tx/" + hash);
    }
}
