package dev.confirma.openapi;

import static dev.confirma.support.Fixtures.asOperator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request examples of {@code /q/openapi} are real requests: each one, sent as the document
 * shows it (with the ids of things this test made), is accepted. A lifecycle example needs a
 * paid order; sent to an unpaid one, it must be refused for the order's status, not its body.
 */
@QuarkusTest
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonNode document;

    @BeforeEach
    void fetchDocument() throws Exception {
        document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    @Test
    void shouldCreateAndChangeStoresWhenOperatorSendsTheDocumentedExamples() {
        String id = asOperator().body(example("post", "/admin/stores", "two wallets").toString()).post("/admin/stores")
                .then().statusCode(201).body("name", equalTo("Loja Demo")).extract().path("id");
        asOperator().body(example("post", "/admin/stores", "xpub").toString()).post("/admin/stores").then().statusCode(201);
        asOperator().body(example("patch", "/admin/stores/{id}", "settings").toString()).patch("/admin/stores/" + id)
                .then().statusCode(200).body("retentionDays", equalTo(365));
        asOperator().body(example("post", "/admin/stores/{id}/api-keys", "read-only").toString()).post("/admin/stores/" + id + "/api-keys")
                .then().statusCode(201);
        asOperator().body(example("post", "/admin/stores/{id}/api-keys", "rotation").toString()).post("/admin/stores/" + id + "/api-keys")
                .then().statusCode(201);
    }

    @Test
    void shouldCheckOutClaimAndCancelWhenPluginSendsTheDocumentedExamples() {
        TestStore store = Fixtures.createStore();
        ObjectNode verification = example("post", "/plugins/stores/verification", "wordpress");
        verification.put("storeId", store.id());
        store.asPlugin().body(verification.toString()).post("/plugins/stores/verification").then().statusCode(200);

        String claimed = checkout(store);
        store.asPlugin().body(example("put", "/plugins/checkout/{orderId}", "claim").toString()).put("/plugins/checkout/" + claimed)
                .then().statusCode(200).body("paymentStatus", equalTo("on-hold"));
        String cancelled = checkout(store);
        store.asPlugin().body(example("put", "/plugins/checkout/{orderId}", "cancel").toString()).put("/plugins/checkout/" + cancelled)
                .then().statusCode(200).body("paymentStatus", equalTo("cancelled"));
    }

    @Test
    void shouldCreateOrdersPayAndSubscribeWhenMerchantSendsTheDocumentedExamples() {
        TestStore store = Fixtures.createStore();
        String order = store.asMerchant().body(example("post", "/v1/orders", "coffee").toString()).post("/v1/orders")
                .then().statusCode(201).body("total", equalTo("20")).extract().path("id");
        store.asMerchant().body(example("post", "/v1/orders/{id}/pay", "claim").toString()).post("/v1/orders/" + order + "/pay")
                .then().statusCode(200).body("payment_status", equalTo("on_hold"));

        var bulk = store.asMerchant().body(example("post", "/v1/orders/bulk", "two orders").toString()).post("/v1/orders/bulk")
                .then().statusCode(200).body("failed", equalTo(0)).extract().jsonPath();
        ObjectNode bulkPay = example("post", "/v1/orders/bulk/pay", "two orders");
        ((ObjectNode) bulkPay.get("orders").get(0)).put("order_id", bulk.getString("results[0].result.id"));
        ((ObjectNode) bulkPay.get("orders").get(1)).put("order_id", bulk.getString("results[1].result.id"));
        store.asMerchant().body(bulkPay.toString()).post("/v1/orders/bulk/pay").then().statusCode(200).body("failed", equalTo(0));

        store.asMerchant().body(example("put", "/v1/fraud/rules", "all four rules").toString()).put("/v1/fraud/rules")
                .then().statusCode(200).body("threshold", equalTo(60));
        String webhook = store.asMerchant().body(example("post", "/v1/webhooks", "erp").toString()).post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        store.asMerchant().body(example("patch", "/v1/webhooks/{id}", "pause").toString()).patch("/v1/webhooks/" + webhook)
                .then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void shouldRefuseLifecycleExamplesForTheOrderStatusNotTheBodyWhenOrderIsUnpaid() {
        TestStore store = Fixtures.createStore();
        String order = store.asMerchant().body(example("post", "/v1/orders", "coffee").toString()).post("/v1/orders")
                .then().statusCode(201).extract().path("id");
        for (String action : new String[] {"fulfill", "hold", "resolve"}) {
            store.asMerchant().body(example("post", "/v1/orders/{id}/{action}", action).toString())
                    .post("/v1/orders/" + order + "/" + action)
                    .then().statusCode(409).body("type", equalTo("urn:confirma:problem:invalid_status_transition"));
        }
        store.asMerchant().body(example("post", "/v1/orders/{id}/refund", "paid back").toString()).post("/v1/orders/" + order + "/refund")
                .then().statusCode(409);
    }

    private String checkout(TestStore store) {
        ObjectNode body = example("post", "/plugins/orders/checkout", "wordpress");
        body.put("store", store.id());
        body.put("ecommerceOrderId", "wc-" + UUID.randomUUID());
        return store.asPlugin().body(body.toString()).post("/plugins/orders/checkout").then().statusCode(200).extract().path("id");
    }

    /** A request example as the document publishes it; a missing one fails here, by name. */
    private ObjectNode example(String method, String path, String name) {
        JsonNode value = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("requestBody").path("content")
                .path("application/json").path("examples").path(name).path("value");
        assertFalse(value.isMissingNode(), "no request example \"" + name + "\" for " + method.toUpperCase(Locale.ROOT) + " " + path);
        return (ObjectNode) value.deepCopy();
    }
}
