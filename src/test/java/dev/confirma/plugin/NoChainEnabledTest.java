package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.CELO_WALLET;
import static dev.confirma.support.Fixtures.ETH_WALLET;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.equalTo;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server with every chain disabled: a checkout says so, instead of blaming the store's wallets. */
@QuarkusTest
@TestProfile(NoChainEnabledTest.EveryChainDisabled.class)
class NoChainEnabledTest {

    public static class EveryChainDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("confirma.chains.celo.enabled", "false", "confirma.chains.ethereum.enabled", "false");
        }
    }

    @Test
    void shouldRefuseCheckoutNamingTheDisabledChainsAndTheStoresWallets() {
        TestStore store = Fixtures.createStore(Map.of("name", "Both wallets", "wallets", List.of(
                Map.of("protocol", "ETHEREUM", "address", ETH_WALLET), Map.of("protocol", "CELO", "address", CELO_WALLET))));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        postCheckout(store, checkout(store)).statusCode(400)
                .body("status", equalTo("failed"))
                .body("error.code", equalTo("no_payment_option"))
                .body("message", equalTo("No payment option for this store: chains enabled on this server: none"
                        + " (confirma.chains.<chain>.enabled); the store has wallets for CELO, ETHEREUM"));
        before.assertUnchanged();
    }

    @Test
    void shouldStillVerifyAStoreWithWalletsAsCryptumDoes() {
        TestStore store = Fixtures.createStore(Map.of("name", "Celo wallet",
                "wallets", List.of(Map.of("protocol", "CELO", "address", CELO_WALLET))));
        store.asPlugin().body(Map.of("storeId", store.id(), "plugin", "checkout")).post("/plugins/stores/verification")
                .then().statusCode(200);
        TestStore noWallet = Fixtures.createStore(Map.of("name", "No wallet"));
        noWallet.asPlugin().body(Map.of("storeId", noWallet.id(), "plugin", "checkout")).post("/plugins/stores/verification")
                .then().statusCode(400).body("message", equalTo("Invalid store wallet configuration"));
    }
}
