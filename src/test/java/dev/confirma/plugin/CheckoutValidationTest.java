package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.checkout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad checkout gets a clear 4xx in the contract's shape and leaves the database as it was. */
@QuarkusTest
class CheckoutValidationTest {

    private TestStore store;
    private DatabaseSnapshot before;

    @BeforeEach
    void storeAndSnapshot() {
        store = Fixtures.createStore();
        before = DatabaseSnapshot.take();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("store", "store is required", b -> b.remove("store")),
                bad("ecommerceType", "ecommerceType is required", b -> b.remove("ecommerceType")),
                bad("ecommerceType", "ecommerceType must be a short lowercase name such as api, wordpress or magento",
                        b -> b.put("ecommerceType", "Word Press!")),
                bad("ecommerceOrderId", "ecommerceOrderId is required", b -> b.remove("ecommerceOrderId")),
                bad("ecommerceOrderId", "ecommerceOrderId must be a string or an integer", b -> b.put("ecommerceOrderId", Map.of())),
                bad("ecommerceOrderId", "ecommerceOrderId must be at most 128 characters",
                        b -> b.put("ecommerceOrderId", new java.math.BigInteger("9".repeat(201)))),
                bad("orderTotal", "orderTotal is required", b -> b.remove("orderTotal")),
                bad("orderTotal", "orderTotal must be greater than 0", b -> b.put("orderTotal", 0)),
                bad("orderTotal", "orderTotal must be greater than 0", b -> b.put("orderTotal", "0.00")),
                bad("orderTotal", "orderTotal must be greater than 0", b -> b.put("orderTotal", -5)),
                bad("orderTotal", "orderTotal must be a decimal number, such as 12.50", b -> b.put("orderTotal", "abc")),
                bad("orderTotal", "orderTotal must be a decimal number, such as 12.50", b -> b.put("orderTotal", "1e3")),
                bad("orderTotal", "orderTotal must be a decimal number, such as 12.50", b -> b.put("orderTotal", true)),
                bad("orderTotal", "orderTotal may have at most 18 decimal places", b -> b.put("orderTotal", "0.1234567890123456789")),
                bad("orderTotal", "orderTotal must be at most 1000000000 (confirma.checkout.max-order-total)",
                        b -> b.put("orderTotal", "1000000000.01")),
                bad("orderCurrency", "orderCurrency is required", b -> b.remove("orderCurrency")),
                bad("orderCurrency", "orderCurrency ABC is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH)",
                        b -> b.put("orderCurrency", "ABC")),
                bad("orderCurrency", "orderCurrency XXX is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH)",
                        b -> b.put("orderCurrency", "XXX")),
                bad("callbackUrl", "callbackUrl is required", b -> b.remove("callbackUrl")),
                bad("callbackUrl", "callbackUrl must be an absolute http or https URL", b -> b.put("callbackUrl", "/wc-api/cb")),
                bad("callbackUrl", "callbackUrl must be an absolute http or https URL", b -> b.put("callbackUrl", "ftp://shop.example/cb")),
                bad("callbackUrl", "callbackUrl must be an absolute http or https URL", b -> b.put("callbackUrl", "javascript:alert(1)")),
                bad("successReturnUrl", "successReturnUrl must be an absolute http or https URL", b -> b.put("successReturnUrl", "javascript:alert(1)")),
                bad("cancelReturnUrl", "cancelReturnUrl must be an absolute http or https URL", b -> b.put("cancelReturnUrl", "data:text/html,x")),
                bad("deliveryInfo", "deliveryInfo is required", b -> b.remove("deliveryInfo")),
                bad("deliveryInfo", "deliveryInfo must be a JSON object", b -> b.put("deliveryInfo", "Ana Lima")),
                bad("deliveryInfo.firstName", "deliveryInfo.firstName is required", b -> delivery(b).remove("firstName")),
                bad("deliveryInfo.lastName", "deliveryInfo.lastName is required", b -> delivery(b).put("lastName", " ")),
                bad("deliveryInfo.email", "deliveryInfo.email is required", b -> delivery(b).remove("email")),
                bad("deliveryInfo.email", "deliveryInfo.email is not a valid email address", b -> delivery(b).put("email", "ana@")),
                bad("deliveryInfo.email", "deliveryInfo.email is not a valid email address", b -> delivery(b).put("email", "ana lima@example.com")),
                bad("deliveryInfo.email", "deliveryInfo.email is not a valid email address", b -> delivery(b).put("email", "ana@localhost")),
                bad("deliveryInfo.country", "deliveryInfo.country is required", b -> delivery(b).remove("country")),
                bad("deliveryInfo.city", "deliveryInfo.city must be a string", b -> delivery(b).put("city", 42)),
                bad("deliveryInfo.zip", "deliveryInfo.zip must be at most 32 characters", b -> delivery(b).put("zip", "9".repeat(33))),
                bad("paymentStatus", "paymentStatus must be pending or on-hold", b -> b.put("paymentStatus", "confirmed")));
    }

    private static Arguments bad(String field, String message, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, message, change);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body.get("deliveryInfo"));
        body.put("deliveryInfo", copy);
        return copy;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFields")
    void shouldRefuseBadFieldNamingItAndStoreNothing(String field, String message, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = checkout(store);
        change.accept(body);
        Fixtures.postCheckout(store, body).statusCode(400)
                .contentType(ContentType.JSON)
                .body("message", equalTo(message))
                .body("status", equalTo("failed"))
                .body("error.message", equalTo(message))
                .body("error.field", equalTo(field))
                .body("error.code", notNullValue());
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseMalformedJson() {
        store.asPlugin().body("{\"store\": \"" + store.id() + "\", ").post("/plugins/orders/checkout")
                .then().statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("message", containsString("Request body is not valid JSON"))
                .body("message", not(containsString("com.fasterxml")));
        store.asPlugin().body("[]").post("/plugins/orders/checkout")
                .then().statusCode(400).body("message", equalTo("Request body must be a JSON object"));
        store.asPlugin().post("/plugins/orders/checkout")
                .then().statusCode(400).body("message", equalTo("Request body is required: a JSON object"));
        store.asPlugin().body("{\"orderTotal\": 1, \"orderTotal\": 1000}").post("/plugins/orders/checkout")
                .then().statusCode(400).body("message", containsString("Duplicate field 'orderTotal'"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseWrongContentType() {
        given().header("x-api-key", store.apiKey()).contentType(ContentType.TEXT).body("store=" + store.id())
                .post("/plugins/orders/checkout")
                .then().statusCode(415)
                .contentType(ContentType.JSON)
                .body("message", equalTo("Content-Type must be application/json"));
        given().header("x-api-key", store.apiKey()).contentType(ContentType.URLENC).formParam("store", store.id())
                .post("/plugins/orders/checkout").then().statusCode(415);
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseBodyOver64KiB() {
        Map<String, Object> body = checkout(store);
        body.put("padding", "x".repeat(70 * 1024));
        Fixtures.postCheckout(store, body).statusCode(413)
                .contentType(ContentType.JSON)
                .body("message", equalTo("Request body is larger than 64 KiB"))
                .body("error.code", equalTo("payload_too_large"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseChunkedBodyOver64KiB() throws Exception {
        Map<String, Object> body = checkout(store);
        body.put("padding", "x".repeat(70 * 1024));
        byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
        // no Content-Length: the limit must hold while the body is being read
        given().header("x-api-key", store.apiKey()).contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(json))
                .post("/plugins/orders/checkout")
                .then().statusCode(413).body("error.code", equalTo("payload_too_large"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseMissingOrWrongApiKey() {
        given().contentType(ContentType.JSON).body(checkout(store)).post("/plugins/orders/checkout")
                .then().statusCode(401).body("message", equalTo("x-api-key header is required"));
        given().header("x-api-key", store.apiKey() + "x").contentType(ContentType.JSON).body(checkout(store))
                .post("/plugins/orders/checkout")
                .then().statusCode(401).body("message", equalTo("The API key is not valid"));
        // a store key is not accepted as a bearer token on the plugin API: x-api-key is its header
        given().header("Authorization", "Bearer " + store.apiKey()).contentType(ContentType.JSON).body(checkout(store))
                .post("/plugins/orders/checkout").then().statusCode(401);
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseCheckoutForAnotherStore() {
        TestStore other = Fixtures.createStore();
        DatabaseSnapshot withOther = DatabaseSnapshot.take();
        Map<String, Object> body = checkout(store);
        body.put("store", other.id());
        Fixtures.postCheckout(store, body).statusCode(403)
                .body("message", equalTo("store does not belong to this API key"));
        withOther.assertUnchanged();
    }
}
