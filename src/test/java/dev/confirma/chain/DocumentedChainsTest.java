package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.support.ChainsConfigs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.Keys;

/**
 * The ready-to-copy chain blocks in {@code docs/chains/} (README, "Chains"): each is off as
 * shipped, and once enabled on top of the server's defaults it is a valid chain with the chain
 * id, native coin and native USDC contract its sources give. Plain JUnit, no server.
 */
class DocumentedChainsTest {

    @ParameterizedTest
    @CsvSource({
            "base, BASE, 8453, ETH, Base, 0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
            "polygon, POLYGON, 137, POL, Polygon PoS, 0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
            "arbitrum, ARBITRUM, 42161, ETH, Arbitrum One, 0xaf88d065e77c8cC2239327C5EDb3A432268e5831",
            "optimism, OPTIMISM, 10, ETH, OP Mainnet, 0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85"})
    void shouldBeAValidChainOnceEnabled(String name, String wire, long chainId, String nativeSymbol, String displayName, String usdc)
            throws IOException {
        Map<String, String> block = block(name);
        assertEquals("false", block.get("confirma.chains." + name + ".enabled"), "shipped switched off");
        ChainsConfig config = config(block, Map.of());
        assertFalse(new Chains(config).find(Protocol.ofConfigName(name)).orElseThrow().enabled());
        assertTrue(new AssetCatalog(config, new Chains(config)).all().stream().noneMatch(a -> a.protocol().name().equals(wire)));

        ChainsConfig enabled = config(block, Map.of("confirma.chains." + name + ".enabled", "true"));
        Chains chains = new Chains(enabled);
        Chain chain = chains.find(Protocol.ofConfigName(name)).orElseThrow();
        assertEquals(wire, chain.protocol().name());
        assertEquals(chainId, chain.chainId());
        assertEquals(nativeSymbol, chain.nativeSymbol());
        assertEquals(18, chain.nativeDecimals());
        assertEquals(displayName, chain.displayName());
        assertTrue(chain.confirmations() > 1);
        assertTrue(chain.explorerUrl().orElseThrow().startsWith("https://"));
        assertTrue(chain.walletRpcUrl().orElseThrow().startsWith("https://"));
        assertEquals(List.of("CELO", "ETHEREUM", wire).stream().sorted().toList(), chains.enabled().stream().map(c -> c.protocol().name()).toList());

        Asset asset = new AssetCatalog(enabled, chains).find(chain.protocol(), "USDC").orElseThrow();
        assertEquals(usdc, asset.contract().orElseThrow());
        assertEquals(usdc, Keys.toChecksumAddress(usdc), "written with its EIP-55 checksum");
        assertEquals(6, asset.decimals());
        assertEquals("usd-coin", asset.coingeckoId().orElseThrow());
        assertEquals(chainId, asset.chainId());
    }

    private static Map<String, String> block(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("docs/chains/" + name + ".properties"))) {
            properties.load(in);
        }
        Map<String, String> block = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> block.put(key, properties.getProperty(key)));
        assertTrue(block.keySet().stream().allMatch(key -> key.startsWith("confirma.chains." + name + ".")), "one chain per file");
        return block;
    }

    /** The shipped defaults, the documented block on top (as an operator's file), and {@code overrides} above both. */
    private static ChainsConfig config(Map<String, String> block, Map<String, String> overrides) {
        return ChainsConfigs.defaultsWith(block, overrides);
    }
}
