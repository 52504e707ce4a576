package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.PackagedServer;
import dev.confirma.support.TestChains;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An RPC endpoint's URL often carries the provider's key: errors name the endpoint by position and host only. */
class ChainRpcTest {

    @Test
    void shouldNameAFailingEndpointByItsHostNeverItsUrl() {
        int dead = PackagedServer.freePort();
        ChainRpc rpc = new ChainRpc(TestChains.CELO, List.of("http://127.0.0.1:" + dead + "/v3/s3cretKey?apikey=also-s3cret",
                "http://user:pa55@127.0.0.1:" + dead + "/k"), Duration.ofSeconds(1));
        try {
            ChainUnavailableException failed = assertThrows(ChainUnavailableException.class,
                    () -> rpc.send("eth_blockNumber", node -> node.ethBlockNumber()));
            String message = failed.getMessage();
            assertTrue(message.contains("endpoint 1 (127.0.0.1:" + dead + ")"), message);
            assertTrue(message.contains("endpoint 2 (127.0.0.1:" + dead + ")"), message);
            for (String secret : List.of("s3cret", "pa55", "/v3/", "/k")) {
                assertFalse(message.contains(secret), secret + " in " + message);
            }
        } finally {
            rpc.shutdown();
        }
    }
}
