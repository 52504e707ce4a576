package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.support.ChainsConfigs;
import dev.confirma.support.TestChains;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The asset catalogue as the shipped defaults ({@code application.properties}) configure it,
 * and the configurations it refuses to start with. Read by SmallRye Config itself, as at start.
 */
class AssetCatalogTest {

    private static final String CELO_TOKEN = "0x471EcE3750Da237f93B8E339c536989b8978a438";

    /** The shipped defaults, with {@code overrides} on top (as an operator's file would be). */
    private static AssetCatalog catalog(Map<String, String> overrides) {
        ChainsConfig config = ChainsConfigs.defaultsWith(overrides);
        return new AssetCatalog(config, new Chains(config));
    }

    private static Asset celo(AssetCatalog catalog, String symbol) {
        return catalog.find(TestChains.CELO, symbol).orElseThrow(() -> new AssertionError(symbol + " is not in the catalogue"));
    }

    @Test
    void shouldShipTheAssetsCeloShoppersHoldWithTheirDocumentedContracts() {
        AssetCatalog catalog = catalog(Map.of());
        assertEquals(List.of("CELO:CELO", "CELO:USDC", "CELO:USDT", "CELO:cEUR", "CELO:cREAL", "CELO:cUSD",
                        "ETHEREUM:ETH", "ETHEREUM:USDC", "ETHEREUM:USDT"),
                catalog.all().stream().map(a -> a.protocol() + ":" + a.symbol()).toList());
        // the README's asset table, row by row: contract, decimals, CoinGecko id, the name the page shows
        assertEquals(new Asset(TestChains.CELO, 42220, "CELO", Optional.empty(), 18, Optional.of("celo"), Optional.of(CELO_TOKEN), "CELO"),
                celo(catalog, "CELO"));
        assertEquals(new Asset(TestChains.CELO, 42220, "cUSD", Optional.of("0x765DE816845861e75A25fCA122bb6898B8B1282a"), 18,
                Optional.of("celo-dollar"), Optional.empty(), "USDm (cUSD)"), celo(catalog, "cUSD"));
        assertEquals(new Asset(TestChains.CELO, 42220, "cEUR", Optional.of("0xD8763CBa276a3738E6DE85b4b3bF5FDed6D6cA73"), 18,
                Optional.of("celo-euro"), Optional.empty(), "EURm (cEUR)"), celo(catalog, "cEUR"));
        assertEquals(new Asset(TestChains.CELO, 42220, "cREAL", Optional.of("0xe8537a3d056DA446677B9E9d6c5dB704EaAb4787"), 18,
                Optional.of("celo-real-creal"), Optional.empty(), "BRLm (cREAL)"), celo(catalog, "cREAL"));
        assertEquals(new Asset(TestChains.CELO, 42220, "USDT", Optional.of("0x48065fbBE25f71C9282ddf5e1cD6D6A887483D5e"), 6,
                Optional.of("tether"), Optional.empty(), "USDT"), celo(catalog, "USDT"));
        assertEquals(new Asset(TestChains.CELO, 42220, "USDC", Optional.of("0xcebA9300f2b948710d2653dD7B07f33A8B32118C"), 6,
                Optional.of("usd-coin"), Optional.empty(), "USDC"), celo(catalog, "USDC"));
    }

    @Test
    void shouldNameAnAssetByItsSymbolWhenItsDisplayNameIsBlank() {
        assertEquals("cUSD", celo(catalog(Map.of("confirma.chains.celo.assets.cUSD.display-name", " ")), "cUSD").displayName());
    }

    @Test
    void shouldRefuseATokenContractOnAnAssetThatIsAlreadyAToken() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> catalog(Map.of("confirma.chains.celo.assets.cUSD.token-contract", CELO_TOKEN.toLowerCase())));
        assertEquals("confirma.chains.celo.assets.cUSD.token-contract is only for a native coin (an asset without contract)",
                refused.getMessage());
    }

    @Test
    void shouldRefuseOneContractForTwoAssets() {
        // CELO's token interface named as cUSD's too: its Transfer logs would count as both
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> catalog(Map.of("confirma.chains.celo.assets.cUSD.contract", CELO_TOKEN)));
        assertTrue(refused.getMessage().contains("contract " + CELO_TOKEN + " is already"), refused.getMessage());
    }

    @Test
    void shouldRefuseATokenContractThatIsNotAnAddress() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> catalog(Map.of("confirma.chains.celo.assets.CELO.token-contract", "0x471EcE3750Da237f93B8E339c536989b8978A438")));
        assertEquals("confirma.chains.celo.assets.CELO.token-contract is not a valid address: 0x471EcE3750Da237f93B8E339c536989b8978A438",
                refused.getMessage());
    }
}
