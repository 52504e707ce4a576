package dev.confirma.chain.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The chains Confirma watches and the assets it accepts on each, under {@code confirma.chains.*}. */
@ConfigMapping(prefix = "confirma.chains")
public interface ChainsConfig {

    /** Chain settings keyed by chain name ({@code celo}, {@code ethereum}, {@code base}, …); its wire name is the name upper-cased. */
    @io.smallrye.config.WithParentName
    Map<String, Chain> chains();

    interface Chain {
        /** Expected {@code eth_chainId}; checked at start. Required for an enabled chain. */
        OptionalLong chainId();

        /** The chain's name as shoppers and wallets know it ("OP Mainnet"); the chain's key capitalised when absent. */
        Optional<String> displayName();

        /** The native coin's symbol (ETH, CELO, POL): shown to wallets adding the chain. Required for an enabled chain. */
        Optional<String> nativeSymbol();

        /** The native coin's decimals; 18 when absent. */
        OptionalInt nativeDecimals();

        /** Watch this chain and offer its assets. */
        @WithDefault("true")
        boolean enabled();

        /** JSON-RPC endpoints, tried in order; the next one is used when one fails. */
        Optional<List<String>> rpcUrls();

        /** Blocks on top of and including a payment's block before it counts (a block the node calls finalized counts at once). Required for an enabled chain. */
        OptionalInt confirmations();

        /** How often the chain is read; PT12S when absent. */
        Optional<Duration> pollInterval();

        /** Most blocks asked in one {@code eth_getLogs} (halved while the node refuses a range). */
        @WithDefault("100")
        int logRange();

        /** Most requests in one JSON-RPC batch (halved while the node refuses a batch). */
        @WithDefault("50")
        int rpcBatchSize();

        /** Timeout of one JSON-RPC request. */
        @WithDefault("PT10S")
        Duration rpcTimeout();

        /** Block explorer shown to shoppers; a transaction's page is {@code <explorer-url>/tx/<hash>}. */
        Optional<String> explorerUrl();

        /**
         * Public JSON-RPC endpoint offered to a shopper's browser wallet when it must add the chain
         * ({@code wallet_addEthereumChain}); never one of {@code rpc-urls}, which may carry a key.
         */
        Optional<String> walletRpcUrl();

        /** Assets accepted on this chain keyed by symbol; no contract means the native coin. */
        Map<String, Asset> assets();
    }

    interface Asset {
        /** ERC-20 contract address; absent for the chain's native coin. */
        Optional<String> contract();

        /** Decimals of the smallest unit (18 for CELO, ETH, cUSD; 6 for USDC, USDT). */
        int decimals();

        /** CoinGecko coin id used to price it. */
        Optional<String> coingeckoId();

        /**
         * The ERC-20 interface of a native coin (CELO's token duality): a {@code Transfer} log of
         * this contract moves the native coin itself, so it is recorded as a payment in this
         * asset. Only for an asset without {@code contract}.
         */
        Optional<String> tokenContract();

        /** The name shoppers know the asset by ("USDm (cUSD)"); the symbol when absent. */
        Optional<String> displayName();
    }
}
