package dev.confirma.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Health is open to anyone: an RPC endpoint's key, in its path, query or user part, never shows. */
class RedactedTest {

    @Test
    void shouldCutEveryUrlToItsSchemeAndHost() {
        assertEquals("CELO eth_blockNumber failed on every endpoint: https://celo-mainnet.infura.io/…: HTTP 401; http://127.0.0.1:8545/…: ConnectException",
                Redacted.error("CELO eth_blockNumber failed on every endpoint: https://celo-mainnet.infura.io/v3/0123456789abcdef: HTTP 401;"
                        + " http://127.0.0.1:8545/?key=s3cret: ConnectException"));
        assertEquals("wss://node.example/…", Redacted.error("wss://user:pass@node.example/ws/key"));
        assertEquals("https://host/…", Redacted.error("https://user:p@ss@host/k"));
        assertEquals("HTTPS://Node.Example:8545/…", Redacted.error("HTTPS://Node.Example:8545/V3/KEY"));
        assertEquals("no URL here", Redacted.error("no URL here"));
        assertNull(Redacted.error(null));
    }
}
