package dev.confirma.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read-only store keys, for reporting tools: GET on every path, nothing else, and the store's key list. */
@QuarkusTest
class ApiKeyScopesTest {

    private static String readOnlyKey(TestStore store) {
        return Fixtures.asOperator().body(Map.of("scopes", List.of("read"))).post("/admin/stores/" + store.id() + "/api-keys")
                .then().statusCode(201).body("scopes", equalTo(List.of("read"))).extract().path("apiKey");
    }

    private static RequestSpecification as(String key) {
        return given().header("x-api-key", key).contentType(ContentType.JSON);
    }

    @Test
    void shouldLetAReadOnlyKeyReadAndNothingElse() {
        TestStore store = Fixtures.createStore();
        String pluginOrder = Fixtures.createOrder(store);
        String merchantOrder = MerchantOrders.create(store);
        String reader = readOnlyKey(store);

        as(reader).get("/plugins/orders/" + pluginOrder).then().statusCode(200);
        as(reader).queryParam("storeId", store.id()).get("/plugins/orders").then().statusCode(200);
        given().header("Authorization", "Bearer " + reader).get("/v1/orders").then().statusCode(200).body("total_count", equalTo(2));
        // no payment link for a read-only key: its session token could claim a payment
        given().header("Authorization", "Bearer " + reader).get("/v1/orders/" + merchantOrder).then().statusCode(200)
                .body("payment_url", org.hamcrest.Matchers.nullValue());
        store.asMerchant().get("/v1/orders/" + merchantOrder).then().body("payment_url", org.hamcrest.Matchers.notNullValue());
        as(reader).get("/v1/rates").then().statusCode(200);

        DatabaseSnapshot before = DatabaseSnapshot.take();
        as(reader).body(Fixtures.checkout(store)).post("/plugins/orders/checkout").then().statusCode(403)
                .body("error.code", equalTo("insufficient_scope"));
        as(reader).body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + pluginOrder).then().statusCode(403);
        as(reader).body(MerchantOrders.body()).post("/v1/orders").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:confirma:problem:insufficient_scope"));
        as(reader).post("/v1/orders/" + merchantOrder + "/cancel").then().statusCode(403);
        as(reader).body(Map.of("orders", List.of(MerchantOrders.body()))).post("/v1/orders/bulk").then().statusCode(403);
        before.assertUnchanged();
    }

    @Test
    void shouldListTheStoresKeysWithTheirScopesAndRevokeOne() {
        TestStore store = Fixtures.createStore();
        String reader = readOnlyKey(store);
        var keys = Fixtures.asOperator().get("/admin/stores/" + store.id() + "/api-keys").then().statusCode(200)
                .body("apiKeys", hasSize(2))
                .body("apiKeys.find { it.prefix == '" + reader.substring(0, 10) + "' }.scopes", equalTo(List.of("read")))
                .body("apiKeys.find { it.prefix == '" + store.apiKey().substring(0, 10) + "' }.scopes", equalTo(List.of("read", "write")))
                .body("apiKeys.findAll { it.revokedAt == null }", hasSize(2))
                .extract().jsonPath();
        String readerId = keys.getString("apiKeys.find { it.prefix == '" + reader.substring(0, 10) + "' }.id");
        String writerId = keys.getString("apiKeys.find { it.prefix == '" + store.apiKey().substring(0, 10) + "' }.id");
        // adding a read-only key left the store's own key working, and the plugin's view of its prefix
        store.asPlugin().get("/plugins/orders?storeId=" + store.id()).then().statusCode(200);
        Fixtures.asOperator().get("/admin/stores/" + store.id()).then().body("apiKeyPrefix", equalTo(store.apiKey().substring(0, 10)));

        Fixtures.asOperator().delete("/admin/stores/" + store.id() + "/api-keys/" + readerId).then().statusCode(204);
        as(reader).get("/v1/orders").then().statusCode(401);
        store.asMerchant().get("/v1/orders").then().statusCode(200);
        Fixtures.asOperator().delete("/admin/stores/" + store.id() + "/api-keys/" + readerId).then().statusCode(404);
        Fixtures.asOperator().delete("/admin/stores/" + Fixtures.createStore().id() + "/api-keys/" + writerId)
                .then().statusCode(404);
    }

    @Test
    void shouldStillRotateEveryKeyWhenANewKeyMayWrite() {
        TestStore store = Fixtures.createStore();
        String reader = readOnlyKey(store);
        // the read-only key is replaced too: it gets the same grace period as the store's own key
        String graced = Fixtures.asOperator().post("/admin/stores/" + store.id() + "/api-keys").then().statusCode(201)
                .extract().path("apiKey");
        Fixtures.asOperator().get("/admin/stores/" + store.id() + "/api-keys").then()
                .body("apiKeys.findAll { it.expiresAt != null }.prefix", org.hamcrest.Matchers.containsInAnyOrder(
                        reader.substring(0, 10), store.apiKey().substring(0, 10)))
                .body("apiKeys.find { it.prefix == '" + graced.substring(0, 10) + "' }.expiresAt", org.hamcrest.Matchers.nullValue());
        as(reader).get("/v1/orders").then().statusCode(200);
        String rotated = Fixtures.asOperator().queryParam("grace", "PT0S").post("/admin/stores/" + store.id() + "/api-keys").then().statusCode(201)
                .body("scopes", equalTo(List.of("read", "write"))).extract().path("apiKey");
        as(reader).get("/v1/orders").then().statusCode(401);
        store.asPlugin().get("/plugins/orders?storeId=" + store.id()).then().statusCode(401);
        as(graced).get("/plugins/orders?storeId=" + store.id()).then().statusCode(401);
        as(rotated).get("/plugins/orders?storeId=" + store.id()).then().statusCode(200);
    }

    @Test
    void shouldRefuseScopesThatAreNotReadOrReadWrite() {
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (Object scopes : List.of(List.of("write"), List.of("admin"), List.of(), "read", List.of(1))) {
            Fixtures.asOperator().body(Map.of("scopes", scopes)).post("/admin/stores/" + store.id() + "/api-keys").then()
                    .statusCode(400).body("error.field", equalTo("scopes"));
        }
        Fixtures.asOperator().body(Map.of()).post("/admin/stores/" + store.id() + "/api-keys").then()
                .statusCode(400).body("error.field", equalTo("scopes")); // an empty body does not rotate every key
        Fixtures.asOperator().body(Map.of("scope", List.of("read"))).post("/admin/stores/" + store.id() + "/api-keys").then()
                .statusCode(400).body("error.field", equalTo("scope"));
        before.assertUnchanged();
        store.asPlugin().get("/plugins/orders?storeId=" + store.id()).then().statusCode(200);
    }
}
