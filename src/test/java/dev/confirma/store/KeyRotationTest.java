package dev.confirma.store;

import static dev.confirma.support.Fixtures.asOperator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.callback.CallbackWorker;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rotating a store key without an outage: the replaced key keeps working for the grace period
 * (the %test profile keeps the default, PT24H), then fails exactly as a revoked key does; the
 * new key works throughout and is the one callbacks carry. Time is the test clock's.
 */
@QuarkusTest
class KeyRotationTest {

    @Inject
    CallbackWorker worker;

    @Inject
    dev.confirma.rates.MarketRates rates;

    @Test
    void shouldKeepTheOldKeyWorkingForTheGracePeriodAndRefuseItAfter() {
        TestStore store = Fixtures.createStore();
        Instant rotatedAt = TestClockProducer.clock().instant();
        String newKey = rotate(store, null).then().statusCode(201).extract().path("apiKey");

        JsonPath keys = keys(store);
        assertEquals(rotatedAt.plus(Duration.ofHours(24)), Instant.parse(keys.getString(byPrefix(store.apiKey()) + ".expiresAt")));
        assertThat(keys.get(byPrefix(newKey) + ".expiresAt"), nullValue());
        assertThat(keys.get(byPrefix(store.apiKey()) + ".revokedAt"), nullValue());
        asOperator().get("/admin/stores/" + store.id()).then().body("apiKeyPrefix", equalTo(newKey.substring(0, 10)));

        TestClockProducer.clock().advance(Duration.ofHours(24).minusSeconds(1));
        store.asPlugin().get("/plugins/orders").then().statusCode(200);
        store.asMerchant().get("/v1/orders").then().statusCode(200);
        given().header("x-api-key", newKey).get("/plugins/orders").then().statusCode(200);

        TestClockProducer.clock().advance(Duration.ofSeconds(1));
        store.asPlugin().get("/plugins/orders").then().statusCode(401).body("message", equalTo("The API key is not valid"));
        store.asMerchant().get("/v1/orders").then().statusCode(401);
        given().header("x-api-key", newKey).get("/plugins/orders").then().statusCode(200);
        given().header("Authorization", "Bearer " + newKey).get("/v1/orders").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnExpiredKeyExactlyLikeARevokedOne() {
        TestStore expiring = Fixtures.createStore();
        TestStore revoking = Fixtures.createStore();
        rotate(expiring, "PT1M").then().statusCode(201);
        rotate(revoking, "PT0S").then().statusCode(201);
        TestClockProducer.clock().advance(Duration.ofMinutes(1));

        for (String path : List.of("/plugins/orders", "/v1/orders")) {
            Response expired = given().header("x-api-key", expiring.apiKey()).get(path);
            Response revoked = given().header("x-api-key", revoking.apiKey()).get(path);
            assertEquals(401, expired.statusCode());
            assertEquals(revoked.statusCode(), expired.statusCode(), path);
            assertEquals(revoked.contentType(), expired.contentType(), path);
            assertEquals(revoked.body().asString(), expired.body().asString(), path);
        }
    }

    @Test
    void shouldRotateWithTheGraceAskedForAndNeverLengthenAnEarlierExpiry() {
        TestStore store = Fixtures.createStore();
        Instant first = TestClockProducer.clock().instant();
        String second = rotate(store, "PT1H").then().statusCode(201).extract().path("apiKey");
        String third = rotate(store, null).then().statusCode(201).extract().path("apiKey");

        JsonPath keys = keys(store);
        assertEquals(first.plus(Duration.ofHours(1)), Instant.parse(keys.getString(byPrefix(store.apiKey()) + ".expiresAt")),
                "the second rotation did not give the first key 24 hours more");
        assertEquals(first.plus(Duration.ofHours(24)), Instant.parse(keys.getString(byPrefix(second) + ".expiresAt")));
        assertThat(keys.get(byPrefix(third) + ".expiresAt"), nullValue());

        String fourth = rotate(store, "PT0S").then().statusCode(201).extract().path("apiKey");
        for (String old : List.of(store.apiKey(), second, third)) {
            given().header("x-api-key", old).get("/plugins/orders").then().statusCode(401);
        }
        given().header("x-api-key", fourth).get("/plugins/orders").then().statusCode(200);
        assertThat(keys(store).getList("apiKeys.findAll { it.revokedAt == null }.prefix"), contains(fourth.substring(0, 10)));
    }

    @Test
    void shouldRevokeAKeyInItsGracePeriodAtOnce() {
        TestStore store = Fixtures.createStore();
        String newKey = rotate(store, null).then().statusCode(201).extract().path("apiKey");
        String oldId = keys(store).getString(byPrefix(store.apiKey()) + ".id");

        asOperator().delete("/admin/stores/" + store.id() + "/api-keys/" + oldId).then().statusCode(204);
        store.asPlugin().get("/plugins/orders").then().statusCode(401).body("message", equalTo("The API key is not valid"));
        given().header("x-api-key", newKey).get("/plugins/orders").then().statusCode(200);
        asOperator().delete("/admin/stores/" + store.id() + "/api-keys/" + oldId).then().statusCode(404);
    }

    @Test
    void shouldNotRevokeAnExpiredKeyAgain() {
        TestStore store = Fixtures.createStore();
        rotate(store, "PT1M").then().statusCode(201);
        String oldId = keys(store).getString(byPrefix(store.apiKey()) + ".id");
        TestClockProducer.clock().advance(Duration.ofMinutes(2));
        asOperator().delete("/admin/stores/" + store.id() + "/api-keys/" + oldId).then().statusCode(404);
    }

    @Test
    void shouldRefuseABadGraceNamingTheFieldAndChangeNothing() {
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (String bad : List.of("abc", "-PT1H", "P31D", "1h", "", "PT1H PT2H")) {
            assertEquals(400, rotate(store, bad).statusCode(), "grace=" + bad);
            rotate(store, bad).then().statusCode(400).body("status", equalTo("failed")).body("error.field", equalTo("grace"));
        }
        asOperator().queryParam("grace", "PT1H").body(Map.of("scopes", List.of("read"))).post("/admin/stores/" + store.id() + "/api-keys")
                .then().statusCode(400).body("error.field", equalTo("grace"));
        before.assertUnchanged();
        store.asPlugin().get("/plugins/orders").then().statusCode(200);
    }

    @Test
    void shouldSendTheNewKeyOnCallbacksAfterARotation() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            Map<String, Object> body = Fixtures.checkout(store);
            body.put("callbackUrl", receiver.url("/wc-api/cryptum"));
            String orderId = Fixtures.postCheckout(store, body).statusCode(200).extract().path("id");
            String newKey = rotate(store, null).then().statusCode(201).extract().path("apiKey");

            given().header("x-api-key", newKey).contentType("application/json").body(Map.of("paymentStatus", "cancelled"))
                    .put("/plugins/checkout/" + orderId).then().statusCode(200);
            worker.deliverDue();

            assertThat(receiver.receivedAt("/wc-api/cryptum"), hasSize(1));
            assertEquals(newKey, receiver.receivedAt("/wc-api/cryptum").get(0).header("x-api-key"));
        }
    }

    @Test
    void shouldLeaveOneCurrentKeyWhenTwoRotationsRace() throws Exception {
        TestStore store = Fixtures.createStore();
        List<Response> answers = Simultaneously.run(2, i -> rotate(store, null));
        assertThat(answers.stream().map(Response::statusCode).toList(), contains(201, 201));
        Set<String> issued = answers.stream().map(r -> r.jsonPath().getString("apiKey")).collect(Collectors.toSet());
        assertEquals(2, issued.size());

        JsonPath keys = keys(store);
        assertThat(keys.getList("apiKeys"), hasSize(3));
        assertThat("one key is current, the others are in their grace period",
                keys.getList("apiKeys.findAll { it.expiresAt == null && it.revokedAt == null }"), hasSize(1));
        String current = keys.getString("apiKeys.find { it.expiresAt == null }.prefix");
        asOperator().get("/admin/stores/" + store.id()).then().body("apiKeyPrefix", equalTo(current));
        for (String key : issued) {
            given().header("x-api-key", key).get("/plugins/orders").then().statusCode(200);
        }
        store.asPlugin().get("/plugins/orders").then().statusCode(200);
    }

    private static Response rotate(TestStore store, String grace) {
        var request = asOperator();
        if (grace != null) {
            request = request.queryParam("grace", grace);
        }
        return request.post("/admin/stores/" + store.id() + "/api-keys");
    }

    private static JsonPath keys(TestStore store) {
        return asOperator().get("/admin/stores/" + store.id() + "/api-keys").then().statusCode(200).extract().jsonPath();
    }

    private static String byPrefix(String key) {
        return "apiKeys.find { it.prefix == '" + key.substring(0, 10) + "' }";
    }
}
