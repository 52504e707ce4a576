package dev.confirma.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on the merchant API's POSTs: the same request once, another request refused, one in flight told to wait. */
@QuarkusTest
class V1IdempotencyTest {

    @Inject
    EntityManager em;

    private static Response post(TestStore store, String key, Object body) {
        return store.asMerchant().header("Idempotency-Key", key).body(body).post("/v1/orders");
    }

    private static int orders(TestStore store) {
        return store.asMerchant().get("/v1/orders").then().extract().path("total_count");
    }

    @Test
    void shouldAnswerTheSameRequestWithTheStoredAnswerAndRunItOnce() {
        TestStore store = Fixtures.createStore();
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = MerchantOrders.body();
        Response first = post(store, key, body);
        assertEquals(201, first.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        TestClockProducer.clock().advance(Duration.ofHours(23));
        Response again = post(store, key, body);
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.asString(), again.asString(), "the stored answer, byte for byte");
        assertEquals(1, orders(store));

        // another store's key of the same name is its own
        TestStore other = Fixtures.createStore();
        assertEquals(201, post(other, key, body).statusCode());
        assertEquals(1, orders(other));

        // after 24 h the key is forgotten: the request runs again
        TestClockProducer.clock().advance(Duration.ofHours(2));
        Response later = post(store, key, body);
        assertEquals(201, later.statusCode());
        assertNull(later.header("Idempotent-Replayed"));
        assertEquals(2, orders(store));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherRequest() {
        TestStore store = Fixtures.createStore();
        String key = "order-" + UUID.randomUUID();
        post(store, key, MerchantOrders.body()).then().statusCode(201);
        Map<String, Object> changed = new HashMap<>(MerchantOrders.body());
        changed.put("tax", "9.00");
        String id = MerchantOrders.create(store);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        post(store, key, changed).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:confirma:problem:idempotency_key_reused"));
        // the same key on another path is another request too
        store.asMerchant().header("Idempotency-Key", key).post("/v1/orders/" + id + "/cancel").then().statusCode(422);
        before.assertUnchanged("another request with the key changed the database");
    }

    @Test
    void shouldTellARequestWhoseKeyIsInFlightToWaitAndFreeAKeyWhoseRequestDied() {
        TestStore store = Fixtures.createStore();
        String key = "order-" + UUID.randomUUID();
        // the first request with this key is running (its server may have died with it)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO api_idempotency (store_id, idem_key, fingerprint,"
                        + " owner, created_at, locked_until) VALUES (?1, ?2, ?3, 'another request', ?4, ?5)")
                .setParameter(1, store.id()).setParameter(2, key).setParameter(3, "0".repeat(64))
                .setParameter(4, TestClockProducer.clock().instant())
                .setParameter(5, TestClockProducer.clock().instant().plus(Duration.ofMinutes(10)))
                .executeUpdate());
        DatabaseSnapshot before = DatabaseSnapshot.take();
        post(store, key, MerchantOrders.body()).then().statusCode(409)
                .body("type", equalTo("urn:confirma:problem:idempotency_key_in_flight"));
        before.assertUnchanged();
        TestClockProducer.clock().advance(Duration.ofMinutes(10).plusSeconds(1)); // its lease is over: it died
        post(store, key, MerchantOrders.body()).then().statusCode(201);
    }

    @Test
    void shouldRunOneOfSixteenSimultaneousTwinsAndNeverFail() throws Exception {
        TestStore store = Fixtures.createStore();
        for (int round = 0; round < 3; round++) {
            String key = "twin-" + UUID.randomUUID();
            Map<String, Object> body = MerchantOrders.body();
            List<Response> answers = Simultaneously.run(16, i -> post(store, key, body));
            List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "201 or in flight, nothing else: " + statuses);
            List<String> ids = answers.stream().filter(a -> a.statusCode() == 201).map(a -> a.<String>path("id")).distinct().toList();
            assertEquals(1, ids.size(), "one order for one key: " + ids);
        }
        assertEquals(3, orders(store));
    }

    @Test
    void shouldReplayAnActionInsteadOfRefusingItsSecondTry() {
        TestStore store = Fixtures.createStore();
        String id = MerchantOrders.create(store);
        MerchantOrders.force(id, LifecycleStatus.PAID, null, em);
        String key = "fulfil-" + id;
        store.asMerchant().header("Idempotency-Key", key).body(Map.of("carrier", "DHL")).post("/v1/orders/" + id + "/fulfill")
                .then().statusCode(200).body("status", equalTo("FULFILLED"));
        store.asMerchant().header("Idempotency-Key", key).body(Map.of("carrier", "DHL")).post("/v1/orders/" + id + "/fulfill")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("FULFILLED"));
        store.asMerchant().body(Map.of("carrier", "DHL")).post("/v1/orders/" + id + "/fulfill").then().statusCode(409);
    }

    @Test
    void shouldRefuseAKeyThatIsNotVisibleAsciiAndFreeTheKeyOfARefusedRequest() {
        TestStore store = Fixtures.createStore();
        post(store, "x".repeat(256), MerchantOrders.body()).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        post(store, "has space", MerchantOrders.body()).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        String key = "fix-" + UUID.randomUUID();
        Map<String, Object> bad = new HashMap<>(MerchantOrders.body());
        bad.put("currency", "ZZZ");
        post(store, key, bad).then().statusCode(400);
        post(store, key, bad).then().statusCode(400).body("errors[0].field", equalTo("currency")); // refused again, the same way
        assertEquals(0, orders(store));
    }
}
