package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.ETH_WALLET;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.contains;
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

/** Ethereum disabled on the server: a store whose only wallet is on Ethereum is told which chain it lacks a wallet for. */
@QuarkusTest
@TestProfile(DisabledChainWalletTest.EthereumDisabled.class)
class DisabledChainWalletTest {

    public static class EthereumDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("confirma.chains.ethereum.enabled", "false");
        }
    }

    @Test
    void shouldRefuseCheckoutNamingTheEnabledChainTheStoreHasNoWalletOn() {
        TestStore store = Fixtures.createStore(Map.of("name", "Ethereum only",
                "wallets", List.of(Map.of("protocol", "ETHEREUM", "address", ETH_WALLET))));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        postCheckout(store, checkout(store)).statusCode(400)
                .body("error.code", equalTo("no_payment_option"))
                .body("message", equalTo("No payment option for this store: chains enabled on this server: CELO;"
                        + " the store has wallets for ETHEREUM only (add a wallet for CELO with"
                        + " PATCH /admin/stores/" + store.id() + ")"));
        before.assertUnchanged();
    }

    @Test
    void shouldQuoteOnlyTheEnabledChainForAStoreWithWalletsOnBoth() {
        TestStore store = Fixtures.createStore();
        postCheckout(store, checkout(store)).statusCode(200).body("quotes.protocol", contains("CELO", "CELO", "CELO", "CELO", "CELO", "CELO"));
    }
}
