package dev.confirma.chain;

import dev.confirma.chain.config.ChainsConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chains this server knows, read once from {@code confirma.chains.<name>.*}: any EVM chain
 * is a few lines of configuration. An enabled chain must say its chain id, native coin and
 * confirmation depth; a start with a chain that does not is refused with the key to fix.
 */
@Singleton
public class Chains {

    /** How often a chain is read when its {@code poll-interval} is not set. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(12);

    private final List<Chain> all;

    Chains(ChainsConfig config) {
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<String, ChainsConfig.Chain> entry : config.chains().entrySet()) {
            chains.add(chain(entry.getKey(), entry.getValue()));
        }
        chains.sort((a, b) -> a.protocol().compareTo(b.protocol()));
        this.all = List.copyOf(chains);
    }

    private static Chain chain(String name, ChainsConfig.Chain c) {
        Protocol protocol = Protocol.ofConfigName(name);
        String key = "confirma.chains." + name + ".";
        if (!c.enabled()) {
            // a documented block kept switched off need not be complete
            return new Chain(protocol, false, c.chainId().orElse(0), c.displayName().orElse(name), c.nativeSymbol().orElse(""),
                    c.nativeDecimals().orElse(18), c.confirmations().orElse(1), c.pollInterval().orElse(DEFAULT_POLL_INTERVAL),
                    c.rpcUrls().orElse(List.of()), c.explorerUrl(), c.walletRpcUrl());
        }
        long chainId = c.chainId().orElseThrow(() -> missing(key + "chain-id", "the chain id its nodes must answer"));
        String nativeSymbol = c.nativeSymbol().map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> missing(key + "native-symbol", "the native coin's symbol, such as ETH"));
        int nativeDecimals = c.nativeDecimals().orElse(18);
        int confirmations = c.confirmations().orElseThrow(() -> missing(key + "confirmations", "how deep a payment must be"));
        if (chainId <= 0) {
            throw new IllegalStateException(key + "chain-id must be a positive number, not " + chainId);
        }
        if (nativeDecimals < 0 || nativeDecimals > 36) {
            throw new IllegalStateException(key + "native-decimals must be between 0 and 36");
        }
        if (confirmations < 1) {
            throw new IllegalStateException(key + "confirmations must be 1 or more");
        }
        Duration pollInterval = c.pollInterval().orElse(DEFAULT_POLL_INTERVAL);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalStateException(key + "poll-interval must be positive");
        }
        String displayName = c.displayName().map(String::trim).filter(s -> !s.isEmpty())
                .orElse(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        return new Chain(protocol, true, chainId, displayName, nativeSymbol, nativeDecimals, confirmations, pollInterval,
                c.rpcUrls().orElse(List.of()), c.explorerUrl(), c.walletRpcUrl());
    }

    private static IllegalStateException missing(String key, String what) {
        return new IllegalStateException(key + " is required for an enabled chain: " + what);
    }

    /** Every configured chain, enabled or not, by name. */
    public List<Chain> all() {
        return all;
    }

    /** The chains watched and offered. */
    public List<Chain> enabled() {
        return all.stream().filter(Chain::enabled).toList();
    }

    public Optional<Chain> find(Protocol protocol) {
        return all.stream().filter(c -> c.protocol().equals(protocol)).findFirst();
    }

    /** A configured chain by its wire name in any case ({@code celo} is {@code CELO}). */
    public Optional<Protocol> parse(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String wanted = wireName.trim().toUpperCase(Locale.ROOT);
        return all.stream().map(Chain::protocol).filter(p -> p.name().equals(wanted)).findFirst();
    }

    /** The configured chains' wire names as an error message lists them: "CELO or ETHEREUM". */
    public String names() {
        List<String> names = all.stream().map(c -> c.protocol().name()).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** A configured chain by a name as stored (a column written from a {@link Protocol}). */
    public Optional<Chain> byName(String stored) {
        return parse(stored).flatMap(this::find);
    }
}
