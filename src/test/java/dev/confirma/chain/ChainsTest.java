package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.support.ChainsConfigs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chain is configuration: what a block must say, and the start-up error naming the key when it does not. Plain JUnit. */
class ChainsTest {

    private static final Map<String, String> GNOSIS = Map.of(
            "confirma.chains.gnosis.chain-id", "100",
            "confirma.chains.gnosis.native-symbol", "XDAI",
            "confirma.chains.gnosis.confirmations", "20");

    private static Chains chains(Map<String, String> properties) {
        return new Chains(ChainsConfigs.only(properties));
    }

    private static Map<String, String> without(String key) {
        Map<String, String> properties = new HashMap<>(GNOSIS);
        properties.remove(key);
        return properties;
    }

    @Test
    void shouldMakeAnyNamedBlockAChainWithItsNameUpperCasedOnTheWire() {
        Chain gnosis = chains(GNOSIS).find(Protocol.ofConfigName("gnosis")).orElseThrow();
        assertEquals("GNOSIS", gnosis.protocol().name());
        assertEquals("Gnosis", gnosis.displayName());
        assertEquals(18, gnosis.nativeDecimals());
        assertEquals(Duration.ofSeconds(12), gnosis.pollInterval());
        assertEquals("GNOSIS", chains(GNOSIS).parse(" gnosis ").orElseThrow().name());
        assertTrue(chains(GNOSIS).parse("POLYGON").isEmpty());
    }

    @Test
    void shouldNotWatchAnEnabledChainMissingWhatItMustSayButStillStart() {
        // an operator's file outlives the version it was written for: a block that cannot be a chain is a warning
        for (String key : GNOSIS.keySet()) {
            Chains chains = chains(without(key));
            assertTrue(chains.enabled().isEmpty(), key);
            assertTrue(chains.find(Protocol.ofConfigName("gnosis")).isPresent(), key + ": still a known name, switched off");
        }
    }

    @Test
    void shouldRefuseToStartWithAValueThatIsThereButWrong() {
        Map<String, String> zeroDepth = new HashMap<>(GNOSIS);
        zeroDepth.put("confirma.chains.gnosis.confirmations", "0");
        assertEquals("confirma.chains.gnosis.confirmations must be 1 or more",
                assertThrows(IllegalStateException.class, () -> chains(zeroDepth)).getMessage());
    }

    @Test
    void shouldTakeADisabledBlockAsItIsAndIgnoreANameThatCannotBeStored() {
        assertTrue(chains(Map.of("confirma.chains.gnosis.enabled", "false")).enabled().isEmpty());
        for (String name : new String[] {"celo-alfajores", "averyveryverylongname", "9lives"}) {
            Map<String, String> block = new HashMap<>();
            GNOSIS.forEach((key, value) -> block.put(key.replace(".gnosis.", "." + name + "."), value));
            assertTrue(chains(block).all().isEmpty(), name);
        }
        assertThrows(IllegalArgumentException.class, () -> Protocol.ofConfigName("celo-alfajores"));
    }

    @Test
    void shouldListTheConfiguredNamesAsAnErrorMessageDoes() {
        Map<String, String> three = new HashMap<>(GNOSIS);
        three.put("confirma.chains.celo.enabled", "false");
        three.put("confirma.chains.ethereum.enabled", "false");
        assertEquals("CELO, ETHEREUM or GNOSIS", chains(three).names());
    }
}
