package dev.confirma.chain;

import dev.confirma.chain.config.ChainsConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The chains this server knows, read once from {@code confirma.chains.<name>.*}: any EVM chain
 * is a few lines of configuration. An enabled chain must say its chain id, native coin and
 * confirmation depth. A block that cannot be a chain (its name, or a required key missing) is
 * a logged warning and is not watched, never a start-up failure: an operator's file outlives
 * the version it was written for (CONTRACT §6). A value that is there but wrong stops the start.
 */
@Singleton
public class Chains {

    /** How often a chain is read when its {@code poll-interval} is not set. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(12);

    private static final Logger LOG = Logger.getLogger(Chains.class);

    private final List<Chain> all;

    Chains(ChainsConfig config) {
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<String, ChainsConfig.Chain> entry : config.chains().entrySet()) {
            if (!Protocol.isConfigName(entry.getKey())) {
                LOG.warnf("confirma.chains.%s is ignored: a chain's name is lower-case letters and digits, at most 16 characters,"
                        + " starting with a letter", entry.getKey());
                continue;
            }
            Optional<String> missing = missing(entry.getKey(), entry.getValue());
            if (missing.isPresent()) {
                LOG.warnf("confirma.chains.%s is not watched: %s", entry.getKey(), missing.get());
                chains.add(chain(entry.getKey(), entry.getValue(), false));
                continue;
            }
            chains.add(chain(entry.getKey(), entry.getValue(), entry.getValue().enabled()));
        }
        chains.sort((a, b) -> a.protocol().compareTo(b.protocol()));
        this.all = List.copyOf(chains);
    }

    /** What an enabled chain lacks to be watched, said with the key to set; empty when nothing. */
    private static Optional<String> missing(String name, ChainsConfig.Chain c) {
        if (!c.enabled()) {
            return Optional.empty();
        }
        String key = "confirma.chains." + name + ".";
        if (c.chainId().isEmpty()) {
            return Optional.of(key + "chain-id is required for an enabled chain: the chain id its nodes must answer");
        }
        if (c.nativeSymbol().map(String::trim).filter(s -> !s.isEmpty()).isEmpty()) {
            return Optional.of(key + "native-symbol is required for an enabled chain: the native coin's symbol, such as ETH");
        }
        if (c.confirmations().isEmpty()) {
            return Optional.of(key + "confirmations is required for an enabled chain: how deep a payment must be");
        }
        return Optional.empty();
    }

    private static Chain chain(String name, ChainsConfig.Chain c, boolean enabled) {
        Protocol protocol = Protocol.ofConfigName(name);
        String key = "confirma.chains." + name + ".";
        if (!enabled) {
            // a documented block kept switched off need not be complete
            return new Chain(protocol, false, c.chainId().orElse(0), c.displayName().orElse(name), c.nativeSymbol().orElse(""),
                    c.nativeDecimals().orElse(18), c.confirmations().orElse(1), c.pollInterval().orElse(DEFAULT_POLL_INTERVAL),
                    c.rpcUrls().orElse(List.of()), c.explorerUrl(), c.walletRpcUrl());
        }
        long chainId = c.chainId().getAsLong();
        String nativeSymbol = c.nativeSymbol().orElseThrow().trim();
        int nativeDecimals = c.nativeDecimals().orElse(18);
        int confirmations = c.confirmations().getAsInt();
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
