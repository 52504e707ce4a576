package dev.confirma.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnknownConfigKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "confirma.public-url", "confirma.admin-token", "confirma.checkout.expiry", "confirma.checkout.max-order-total",
            "confirma.chains.celo.rpc-urls", "confirma.chains.ethereum.confirmations",
            "confirma.chains.celo.assets.cUSD.contract", "confirma.rates.fixed.\"CELO/USD\"",
            "confirma.callbacks.allow-private-targets", "confirma.rates.pins"})
    void shouldKnowContractKeys(String key) {
        assertTrue(UnknownConfigKeys.isKnown(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"confirma.public-ur1", "confirma.checkout.expiry-time", "confirma.chains.celo.rpc-url"})
    void shouldFlagTypos(String key) {
        assertFalse(UnknownConfigKeys.isKnown(key), key);
    }

    @Test
    void shouldKnowEveryKeyTheDefaultsFileSets() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        for (String key : defaults.stringPropertyNames()) {
            String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (bare.startsWith("confirma.")) {
                assertTrue(UnknownConfigKeys.isKnown(bare), bare);
            }
        }
    }
}
