package dev.confirma.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A third local EVM node, chain id 8453 (Base's), with a 6-decimal USDC deployed: the server
 * learns of it only through {@code confirma.chains.base.*} properties, as an operator's file
 * would add it. Its epochs are 2 slots long, so the node's finalized block trails the head by 4.
 */
public class BaseNode implements QuarkusTestResourceLifecycleManager {

    public static final AnvilNodes.Node NODE = new AnvilNodes.Node(8453, 2);

    @Override
    public Map<String, String> start() {
        NODE.start();
        NODE.deployToken("USDC", 6);
        return Map.ofEntries(
                Map.entry("confirma.chains.base.chain-id", "8453"),
                Map.entry("confirma.chains.base.display-name", "Base"),
                Map.entry("confirma.chains.base.native-symbol", "ETH"),
                Map.entry("confirma.chains.base.native-decimals", "18"),
                Map.entry("confirma.chains.base.rpc-urls", NODE.url()),
                Map.entry("confirma.chains.base.confirmations", "6"),
                Map.entry("confirma.chains.base.poll-interval", "PT24H"),
                Map.entry("confirma.chains.base.explorer-url", "https://basescan.org"),
                Map.entry("confirma.chains.base.wallet-rpc-url", "https://mainnet.base.org"),
                Map.entry("confirma.chains.base.assets.USDC.contract", NODE.token("USDC")),
                Map.entry("confirma.chains.base.assets.USDC.decimals", "6"),
                Map.entry("confirma.chains.base.assets.USDC.coingecko-id", "usd-coin"));
    }

    @Override
    public void stop() {
        NODE.stop();
    }
}
