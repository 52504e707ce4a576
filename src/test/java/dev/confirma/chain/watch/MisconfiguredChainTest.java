package dev.confirma.chain.watch;

import static dev.confirma.support.Fixtures.asOperator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.confirma.chain.Protocol;
import dev.confirma.support.TestChains;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator who points a chain at a node of another chain: the server refuses to watch it, and says why. */
@QuarkusTest
@TestProfile(MisconfiguredChainTest.EthereumExpectsSepolia.class)
class MisconfiguredChainTest {

    public static class EthereumExpectsSepolia implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test's Ethereum node answers chain id 1
            return Map.of("confirma.chains.ethereum.chain-id", "11155111");
        }
    }

    @Inject
    ChainWatcher watcher;

    @Test
    void shouldRefuseToWatchANodeOnAnotherChainAndShowWhy() {
        watcher.poll(TestChains.ETHEREUM);
        watcher.poll(TestChains.ETHEREUM);
        asOperator().get("/admin/chains").then()
                .body("chains.find { it.chain == 'ETHEREUM' }.watching", equalTo(false))
                .body("chains.find { it.chain == 'ETHEREUM' }.cursor", nullValue())
                .body("chains.find { it.chain == 'ETHEREUM' }.lastError",
                        containsString("chain id is 1, expected 11155111 (confirma.chains.ethereum.chain-id): not watching it"))
                .body("chains.find { it.chain == 'CELO' }.watching", equalTo(true));
    }
}
