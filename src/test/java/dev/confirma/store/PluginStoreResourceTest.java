package dev.confirma.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PluginStoreResourceTest {

    @Test
    void shouldVerifyStoreAndShareWebhookSecretAndWallets() {
        TestStore store = Fixtures.createStore();
        store.asPlugin().body(Map.of("storeId", store.id(), "plugin", "checkout", "ecommerceType", "wordpress"))
                .post("/plugins/stores/verification")
                .then().statusCode(200)
                .body("storeId", equalTo(store.id()))
                .body("webhookSecret", equalTo(store.webhookSecret()))
                .body("wallets.protocol", contains("CELO", "ETHEREUM"))
                .body("wallets[0].address", equalTo(store.celoWallet()));
    }

    @Test
    void shouldRefuseStoreWithoutWallet() {
        TestStore store = Fixtures.createStore(Map.of("name", "No wallet"));
        store.asPlugin().body(Map.of("storeId", store.id(), "plugin", "checkout", "ecommerceType", "wordpress"))
                .post("/plugins/stores/verification")
                .then().statusCode(400)
                .body("message", equalTo("Invalid store wallet configuration"))
                .body("status", equalTo("failed"));
    }

    @Test
    void shouldRefuseAnotherStoresId() {
        TestStore mine = Fixtures.createStore();
        TestStore theirs = Fixtures.createStore();
        mine.asPlugin().body(Map.of("storeId", theirs.id(), "plugin", "checkout"))
                .post("/plugins/stores/verification")
                .then().statusCode(403).body("error.code", equalTo("forbidden"));
    }

    @Test
    void shouldRefuseBadVerificationRequests() {
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asPlugin().body(Map.of("plugin", "checkout")).post("/plugins/stores/verification")
                .then().statusCode(400).body("message", equalTo("storeId is required")).body("error.field", equalTo("storeId"));
        store.asPlugin().body(Map.of("storeId", store.id(), "plugin", "nft")).post("/plugins/stores/verification")
                .then().statusCode(400).body("error.field", equalTo("plugin"));
        given().contentType(ContentType.JSON).body(Map.of("storeId", store.id())).post("/plugins/stores/verification")
                .then().statusCode(401).body("message", equalTo("x-api-key header is required"));
        given().header("x-api-key", "ck_wrong").contentType(ContentType.JSON).body(Map.of("storeId", store.id()))
                .post("/plugins/stores/verification")
                .then().statusCode(401).body("message", equalTo("The API key is not valid"));
        before.assertUnchanged();
    }
}
