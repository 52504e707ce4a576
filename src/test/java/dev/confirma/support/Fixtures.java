package dev.confirma.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds stores and checkouts through the public API, as a plugin or an operator would. */
public final class Fixtures {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String CELO_WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    public static final String ETH_WALLET = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

    private Fixtures() {
    }

    /** A store; {@code celoWallet} and {@code ethWallet} are its wallets (null when it has none on that chain). */
    public record TestStore(String id, String apiKey, String webhookSecret, String celoWallet, String ethWallet) {
        public RequestSpecification asPlugin() {
            return given().header("x-api-key", apiKey).contentType(ContentType.JSON);
        }

        /** A merchant's back office on the Orders API: the key as a Bearer token. */
        public RequestSpecification asMerchant() {
            return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
        }
    }

    public static RequestSpecification asOperator() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    /**
     * A store accepting every asset, with wallets of its own on both chains: open orders at
     * one address get distinct amounts, so tests that assert amounts keep to their own.
     */
    public static TestStore createStore() {
        return createStore(Map.of(
                "name", "Shop " + UUID.randomUUID(),
                "wallets", List.of(
                        Map.of("protocol", "CELO", "address", randomAddress()),
                        Map.of("protocol", "ETHEREUM", "address", randomAddress()))));
    }

    public static TestStore createStore(Map<String, Object> body) {
        var json = asOperator().body(body).post("/admin/stores").then().statusCode(201).extract().jsonPath();
        return new TestStore(json.getString("id"), json.getString("apiKey"), json.getString("webhookSecret"),
                json.getString("wallets.find { it.protocol == 'CELO' }.address"),
                json.getString("wallets.find { it.protocol == 'ETHEREUM' }.address"));
    }

    /** A fresh EIP-55 address nobody else uses. */
    public static String randomAddress() {
        return org.web3j.crypto.Keys.toChecksumAddress("0x" + java.util.HexFormat.of().formatHex(dev.confirma.common.Secrets.randomBytes(20)));
    }

    /** A valid checkout body, as the WooCommerce plugin sends it; callers change what they test. */
    public static Map<String, Object> checkout(TestStore store) {
        Map<String, Object> delivery = new HashMap<>(Map.of(
                "firstName", "Ana", "lastName", "Lima", "email", "ana@example.com", "country", "BR",
                "city", "Recife", "zip", "50000-000", "address", "Rua A, 1", "state", "PE"));
        Map<String, Object> body = new HashMap<>();
        body.put("store", store.id());
        body.put("ecommerceType", "wordpress");
        body.put("ecommerceOrderId", "wc-" + UUID.randomUUID());
        body.put("orderTotal", "12.50");
        body.put("orderCurrency", "USD");
        body.put("callbackUrl", "https://shop.example/wc-api/cryptumcheckout");
        body.put("cancelReturnUrl", "https://shop.example/cancel");
        body.put("successReturnUrl", "https://shop.example/thanks");
        body.put("deliveryInfo", delivery);
        return body;
    }

    public static ValidatableResponse postCheckout(TestStore store, Object body) {
        return store.asPlugin().body(body).post("/plugins/orders/checkout").then();
    }

    /** Creates a checkout and returns its order id. */
    public static String createOrder(TestStore store) {
        return postCheckout(store, checkout(store)).statusCode(200).extract().path("id");
    }

    public static String randomTxHash() {
        return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
