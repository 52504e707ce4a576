package dev.confirma.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits on checkout creation (per store) and on the shopper-facing endpoints (per client
 * address), small enough here to reach: 3 checkouts and 4 public requests a minute. Addresses
 * come as X-Forwarded-For, which this profile trusts (as behind a reverse proxy), so each test
 * has addresses of its own. Time is the test clock's.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "confirma.rate-limit.checkouts-per-key", "3",
                    "confirma.rate-limit.public-per-address", "4",
                    "confirma.rate-limit.window", "PT1M",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @jakarta.inject.Inject
    dev.confirma.rates.MarketRates rates;

    @BeforeEach
    void rates() {
        rates.refresh();
    }

    @Test
    void shouldRefuseTheCheckoutPastTheLimitWith429AndRetryAfterInEachApisShape() {
        TestStore store = Fixtures.createStore();
        TestStore other = Fixtures.createStore();
        for (int i = 0; i < 3; i++) {
            Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200);
        }
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(429)
                .header("Retry-After", "60")
                .contentType(startsWith("application/json"))
                .body("status", equalTo("failed"))
                .body("error.code", equalTo("rate_limited"))
                .body("message", equalTo("Too many checkouts for this store; retry in 60 s"));
        // the Orders API shares the store's budget and answers in its own shape
        store.asMerchant().body(MerchantOrders.body()).post("/v1/orders").then().statusCode(429)
                .header("Retry-After", "60")
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .body("type", equalTo("urn:confirma:problem:rate_limited"));
        before.assertUnchanged();

        // another store, and the limited store's reads, are unaffected
        Fixtures.postCheckout(other, Fixtures.checkout(other)).statusCode(200);
        store.asPlugin().get("/plugins/orders").then().statusCode(200);

        TestClockProducer.clock().advance(Duration.ofSeconds(45));
        Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(429).header("Retry-After", "15");
        TestClockProducer.clock().advance(Duration.ofSeconds(15));
        Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200);
        store.asMerchant().body(MerchantOrders.body()).post("/v1/orders").then().statusCode(201);
    }

    @Test
    void shouldLimitTheHostedPageItsJsonAndHashSubmissionPerClientAddress() {
        TestStore store = Fixtures.createStore();
        var checkout = Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200).extract().jsonPath();
        String orderId = checkout.getString("id");
        String token = checkout.getString("sessionToken");

        from("198.51.100.7").queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(200);
        from("198.51.100.7").queryParam("sessionToken", token).get("/pay/" + orderId).then().statusCode(200);
        from("198.51.100.7").queryParam("orderId", orderId).queryParam("sessionToken", token).get("/public/payment-details/")
                .then().statusCode(200);
        from("198.51.100.7").queryParam("sessionToken", token).contentType("application/json").body(Map.of("transactionHash", "0x12"))
                .put("/plugins/checkout/" + orderId).then().statusCode(400);
        from("198.51.100.7").queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(429)
                .header("Retry-After", "60")
                .contentType(startsWith("application/json"))
                .body("status", equalTo("failed"))
                .body("error.code", equalTo("rate_limited"));
        from("198.51.100.7").queryParam("sessionToken", token).contentType("application/json")
                .body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + orderId).then().statusCode(429);

        from("198.51.100.8").queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(200);
        // the store's own calls are counted per store, not by the address they come from
        from("198.51.100.7").header("x-api-key", store.apiKey()).get("/plugins/orders/" + orderId).then().statusCode(200);

        TestClockProducer.clock().advance(Duration.ofMinutes(1));
        from("198.51.100.7").queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(200);
    }

    @Test
    void shouldNeverLimitTheOperatorToken() {
        TestStore store = Fixtures.createStore();
        var checkout = Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200).extract().jsonPath();
        String orderId = checkout.getString("id");
        String token = checkout.getString("sessionToken");
        for (int i = 0; i < 10; i++) {
            Response answer = from("198.51.100.9").header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
                    .queryParam("sessionToken", token).get("/public/orders/" + orderId);
            assertEquals(200, answer.statusCode(), "request " + (i + 1) + " with the operator token");
        }
        for (int i = 0; i < 10; i++) {
            Fixtures.asOperator().header("X-Forwarded-For", "198.51.100.9").get("/admin/stores/" + store.id()).then().statusCode(200);
        }
        // the same address without the token is counted as any other
        for (int i = 0; i < 4; i++) {
            from("198.51.100.9").queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(200);
        }
        assertNotEquals(200, from("198.51.100.9").queryParam("sessionToken", token).get("/public/orders/" + orderId).statusCode());
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }
}
