package dev.confirma.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.callback.CallbackSignatures;
import dev.confirma.callback.CallbackWorker;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscriptions: an order's events fan out to every subscription that receives them,
 * each signed with its own secret and sent through the outbox; pings; a subscription whose
 * deliveries all die for 72 h is disabled; bad requests change nothing.
 */
@QuarkusTest
class V1WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    CallbackWorker worker;

    private TestStore store;
    private String wallet;
    private CallbackReceiver receiver;

    @BeforeEach
    void scene() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Webhooks", wallet);
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonPath subscribe(String path, List<String> events, Map<String, String> headers) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        body.put("events", events);
        body.put("headers", headers);
        return store.asMerchant().body(body).post("/v1/webhooks").then().statusCode(201)
                .body("id", startsWith("wh_")).body("secret", startsWith("whsec_")).body("enabled", equalTo(true))
                .extract().jsonPath();
    }

    private static JsonNode verified(CallbackReceiver.Received received, String secret) throws Exception {
        CallbackSignatures.verify(secret, received.headers(), received.body(), TestClockProducer.clock(), Duration.ofMinutes(5));
        JsonNode body = JSON.readTree(received.body());
        assertEquals(received.header("webhook-id"), body.get("id").asText(), "the event id is the webhook-id");
        return body;
    }

    private static List<String> events(List<JsonNode> bodies) {
        return bodies.stream().map(b -> b.get("event").asText()).toList();
    }

    @Test
    void shouldFanAnOrdersEventsOutToEverySubscriptionThatReceivesThemSignedWithItsOwnSecret() throws Exception {
        JsonPath all = subscribe("/erp", V1Events.ORDER_EVENTS, Map.of("X-Erp-Token", "t0ken"));
        JsonPath paidOnly = subscribe("/books", List.of("order.paid"), Map.of());
        // the secret is shown once: never again in a read
        store.asMerchant().get("/v1/webhooks/" + all.getString("id")).then().statusCode(200)
                .body("secret", nullValue()).body("headers", equalTo(List.of("X-Erp-Token")));

        String id = MerchantOrders.create(store);
        String due = store.asMerchant().get("/v1/orders/" + id).then().extract()
                .path("payment.quotes.find { it.asset == 'USDC' }.amount_base_units");
        AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
        AnvilNodes.CELO.mine(1);
        watcher.poll(TestChains.CELO);
        AnvilNodes.CELO.mine(10);
        watcher.poll(TestChains.CELO);
        store.asMerchant().body(Map.of("carrier", "DHL", "tracking_number", "JD1")).post("/v1/orders/" + id + "/fulfill")
                .then().statusCode(200);
        worker.deliverDue();

        List<JsonNode> erp = new ArrayList<>();
        for (CallbackReceiver.Received r : receiver.receivedAt("/erp")) {
            assertEquals("t0ken", r.header("X-Erp-Token"), "the subscription's own header");
            assertEquals(null, r.header("x-api-key"), "a store key goes to the Cryptum plugin only");
            erp.add(verified(r, all.getString("secret")));
        }
        assertEquals(List.of("order.created", "order.payment_seen", "order.paid", "order.fulfilled"), events(erp));
        assertEquals("chain", erp.get(1).at("/data/seen").asText());
        JsonNode paid = erp.get(2);
        assertEquals(id, paid.at("/data/order/id").asText());
        assertEquals("PAID", paid.at("/data/order/status").asText());
        assertEquals("CREATED", paid.at("/data/previous_status").asText());
        assertEquals("chain", paid.at("/data/actor").asText());
        assertEquals("PAID", paid.at("/data/order/timeline/1/status").asText(), "the timeline holds the step announced");
        assertTrue(paid.at("/data/order/payment_url").isNull(), "no session token in an event");
        assertNotNull(paid.get("timestamp").asText());
        assertEquals("FULFILLED", erp.get(3).at("/data/order/status").asText());
        assertEquals("DHL", erp.get(3).at("/data/order/shipping/carrier").asText());

        List<CallbackReceiver.Received> books = receiver.receivedAt("/books");
        assertEquals(1, books.size());
        JsonNode booked = verified(books.get(0), paidOnly.getString("secret"));
        assertEquals("order.paid", booked.get("event").asText());
        assertEquals(paid.get("id").asText(), booked.get("id").asText(), "one event, one id, wherever it goes");
        // signed with its own secret, not the other subscription's nor the store's
        assertThrowsInvalid(books.get(0), all.getString("secret"));
        assertThrowsInvalid(books.get(0), store.webhookSecret());

        store.asMerchant().get("/v1/webhooks/" + all.getString("id") + "/deliveries").then().statusCode(200)
                .body("data.event", equalTo(List.of("order.fulfilled", "order.paid", "order.payment_seen", "order.created")))
                .body("data.state", equalTo(List.of("delivered", "delivered", "delivered", "delivered")))
                .body("data[0].webhook_id", equalTo(erp.get(3).get("id").asText()))
                .body("data[0].attempts[0].status_code", equalTo(200));
    }

    private static void assertThrowsInvalid(CallbackReceiver.Received received, String secret) {
        try {
            CallbackSignatures.verify(secret, received.headers(), received.body(), TestClockProducer.clock(), Duration.ofMinutes(5));
        } catch (CallbackSignatures.InvalidSignature expected) {
            return;
        }
        throw new AssertionError("the signature held with another secret");
    }

    @Test
    void shouldSendAPingSignedLikeEveryEvent() throws Exception {
        JsonPath hook = subscribe("/ping", List.of("order.shipped"), Map.of());
        store.asMerchant().post("/v1/webhooks/" + hook.getString("id") + "/ping").then().statusCode(202)
                .body("event", equalTo("webhook.ping")).body("state", equalTo("pending"));
        worker.deliverDue();
        List<CallbackReceiver.Received> pings = receiver.receivedAt("/ping");
        assertEquals(1, pings.size());
        JsonNode ping = verified(pings.get(0), hook.getString("secret"));
        assertEquals("webhook.ping", ping.get("event").asText());
        assertEquals(hook.getString("id"), ping.at("/data/webhook/id").asText());
    }

    @Test
    void shouldHoldADisabledSubscriptionsEventsUntilItIsEnabledAndDropADeletedOnes() {
        JsonPath hook = subscribe("/off", List.of("order.created"), Map.of());
        String id = hook.getString("id");
        String queued = MerchantOrders.create(store); // queued while enabled
        store.asMerchant().body(Map.of("enabled", false)).patch("/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabled_at", nullValue());
        MerchantOrders.create(store); // not queued at all
        worker.deliverDue();
        assertEquals(0, receiver.receivedAt("/off").size());
        store.asMerchant().get("/v1/webhooks/" + id + "/deliveries").then().body("data.state", equalTo(List.of("pending")));
        store.asMerchant().post("/v1/webhooks/" + id + "/ping").then().statusCode(409);

        // enabled again, what waited goes out, to the URL it has now
        store.asMerchant().body(Map.of("enabled", true, "url", receiver.url("/on"))).patch("/v1/webhooks/" + id).then().statusCode(200);
        worker.deliverDue();
        assertEquals(List.of(queued), receiver.receivedAt("/on").stream()
                .map(r -> JsonPath.from(r.bodyText()).getString("data.order.id")).toList());
        store.asMerchant().get("/v1/webhooks/" + id + "/deliveries").then().body("data.state", equalTo(List.of("delivered")))
                .body("data[0].url", equalTo(receiver.url("/on")));

        // deleted, its pending events end unsent
        receiver.otherwise(CallbackReceiver.Answer.status(503));
        MerchantOrders.create(store);
        worker.deliverDue();
        store.asMerchant().delete("/v1/webhooks/" + id).then().statusCode(204);
        TestClockProducer.clock().advance(Duration.ofMinutes(2));
        worker.deliverDue();
        assertEquals(2, receiver.receivedAt("/on").size(), "the failed one is not tried again");
        store.asMerchant().get("/v1/webhooks/" + id).then().statusCode(404);
        store.asMerchant().get("/v1/webhooks").then().body("data.id", not(hasItem(id)));
        // another store never sees it
        Fixtures.createStore().asMerchant().get("/v1/webhooks/" + subscribe("/mine", List.of("order.paid"), Map.of()).getString("id"))
                .then().statusCode(404);
    }

    @Test
    void shouldDisableASubscriptionWhoseDeliveriesHaveAllFailedFor72Hours() {
        receiver.otherwise(CallbackReceiver.Answer.status(500));
        String id = subscribe("/down", List.of("order.paid"), Map.of()).getString("id");
        String ping = "/v1/webhooks/" + id + "/ping";
        store.asMerchant().post(ping).then().statusCode(202);
        deliverThroughEveryRetry(); // the test retry delays: dead within 2 h
        store.asMerchant().get("/v1/webhooks/" + id).then().body("enabled", equalTo(true)).body("failing_since", notNullValue());

        TestClockProducer.clock().advance(Duration.ofHours(71));
        store.asMerchant().post(ping).then().statusCode(202);
        deliverThroughEveryRetry(); // dies 72 h and more after the first failure
        store.asMerchant().get("/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabled_at", notNullValue())
                .body("disabled_reason", startsWith("every delivery failed"));
        Fixtures.asOperator().get("/admin/webhooks/disabled").then().statusCode(200)
                .body("webhooks.id", hasItem(id));
        store.asMerchant().post(ping).then().statusCode(409);

        // enabled again, it starts afresh; one delivered event clears the failure
        receiver.otherwise(CallbackReceiver.Answer.status(204));
        store.asMerchant().body(Map.of("enabled", true)).patch("/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabled_at", nullValue()).body("failing_since", nullValue());
        Fixtures.asOperator().get("/admin/webhooks/disabled").then().body("webhooks.id", not(hasItem(id)));
        store.asMerchant().post(ping).then().statusCode(202);
        worker.deliverDue();
        store.asMerchant().get("/v1/webhooks/" + id).then().body("failing_since", nullValue());
    }

    /** Attempts, then moves the clock past each test retry delay (PT1M, PT10M, PT1H, with jitter) and attempts again. */
    private void deliverThroughEveryRetry() {
        worker.deliverDue();
        for (Duration wait : List.of(Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofMinutes(80))) {
            TestClockProducer.clock().advance(wait);
            worker.deliverDue();
        }
    }

    @Test
    void shouldNotLetAFailingSubscriptionHoldBackTheCryptumCallbackOrAnotherSubscription() {
        receiver.otherwise(CallbackReceiver.Answer.status(200));
        subscribe("/down", List.of("order.created", "order.cancelled"), Map.of());
        subscribe("/up", List.of("order.created", "order.cancelled"), Map.of());
        Map<String, Object> checkout = new HashMap<>(Fixtures.checkout(store));
        checkout.put("callbackUrl", receiver.url("/wc-api/cryptum"));
        String id = Fixtures.postCheckout(store, checkout).statusCode(200).extract().path("id");
        store.asMerchant().body(Map.of("reason", "changed mind")).post("/v1/orders/" + id + "/cancel").then().statusCode(200);
        // /down refuses everything; its order.cancelled waits behind its order.created, nothing else does
        receiver.failPath("/down", 500);
        worker.deliverDue();
        assertEquals(List.of("order.created", "order.cancelled"), eventsAt("/up"));
        assertEquals(List.of("order.cancelled"), receiver.receivedAt("/wc-api/cryptum").stream()
                .map(r -> JsonPath.from(r.bodyText()).getString("event")).toList());
        assertEquals(List.of("order.created"), eventsAt("/down"));
    }

    private List<String> eventsAt(String path) {
        return receiver.receivedAt(path).stream().map(r -> JsonPath.from(r.bodyText()).getString("event")).toList();
    }

    @Test
    void shouldLetAReadOnlyKeyReadSubscriptionsAndRulesButChangeNothing() {
        String id = subscribe("/ro", List.of("order.paid"), Map.of()).getString("id");
        String readOnly = Fixtures.asOperator().body(Map.of("scopes", List.of("read"))).post("/admin/stores/" + store.id() + "/api-keys")
                .then().statusCode(201).extract().path("apiKey");
        var asReader = io.restassured.RestAssured.given().header("Authorization", "Bearer " + readOnly)
                .contentType(io.restassured.http.ContentType.JSON);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        asReader.get("/v1/webhooks/" + id).then().statusCode(200);
        asReader.get("/v1/fraud/rules").then().statusCode(200);
        asReader.body(Map.of("url", receiver.url("/x"), "events", List.of("order.paid"))).post("/v1/webhooks").then().statusCode(403);
        asReader.body(Map.of("enabled", false)).patch("/v1/webhooks/" + id).then().statusCode(403);
        asReader.delete("/v1/webhooks/" + id).then().statusCode(403);
        asReader.post("/v1/webhooks/" + id + "/ping").then().statusCode(403);
        asReader.body(Map.of("threshold", 5, "countries", Map.of("codes", List.of("NG"), "score", 5))).put("/v1/fraud/rules")
                .then().statusCode(403);
        asReader.delete("/v1/fraud/rules").then().statusCode(403);
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseBadSubscriptionsNamingTheFieldAndChangingNothing() {
        String existing = subscribe("/ok", List.of("order.paid"), Map.of()).getString("id");
        List<Map<String, Object>> bad = List.of(
                Map.of("events", List.of("order.paid")),
                Map.of("url", "ftp://example.com/x", "events", List.of("order.paid")),
                Map.of("url", receiver.url("/x")),
                Map.of("url", receiver.url("/x"), "events", List.of()),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid", "order.exploded")),
                Map.of("url", receiver.url("/x"), "events", "order.paid"),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "headers", Map.of("webhook-signature", "v1,forged")),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "headers", Map.of("X-A", "line\r\nInjected: 1")),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "headers", Map.of("Bad Name", "v")),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "headers", List.of("X-A")),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "enabled", "yes"),
                Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "secret", "mine"));
        List<String> fields = List.of("url", "url", "events", "events", "events[1]", "events", "headers.webhook-signature",
                "headers.X-A", "headers.Bad Name", "headers", "enabled", "secret");
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            tooMany.put("X-H" + i, "v");
        }
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (int i = 0; i < bad.size(); i++) {
            store.asMerchant().body(bad.get(i)).post("/v1/webhooks").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(fields.get(i)));
        }
        store.asMerchant().body(Map.of("url", receiver.url("/x"), "events", List.of("order.paid"), "headers", tooMany))
                .post("/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("headers"));
        store.asMerchant().body(Map.of("events", List.of("order.nope"))).patch("/v1/webhooks/" + existing).then().statusCode(400)
                .body("errors.field", hasItem("events[0]"));
        store.asMerchant().body("[]").patch("/v1/webhooks/" + existing).then().statusCode(400);
        store.asMerchant().body(Map.of("enabled", true)).patch("/v1/webhooks/wh_nope").then().statusCode(404);
        store.asMerchant().get("/v1/webhooks/" + existing + "/deliveries?limit=x").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        store.asMerchant().get("/v1/webhooks/" + existing + "/deliveries?limit=0").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        before.assertUnchanged();
    }

    @Test
    void shouldKeepAStoreToItsLimitOfSubscriptionsUnderConcurrentRequests() throws Exception {
        TestStore busy = Fixtures.createStore();
        int attempts = 30;
        List<Integer> codes = dev.confirma.support.Simultaneously.run(attempts, i -> busy.asMerchant()
                .body(Map.of("url", receiver.url("/n" + i), "events", List.of("order.paid")))
                .post("/v1/webhooks").statusCode());
        assertEquals(20, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(attempts - 20, codes.stream().filter(c -> c == 409).count(), codes.toString());
        assertEquals(20, busy.asMerchant().get("/v1/webhooks").then().extract().jsonPath().getList("data").size());
        assertFalse(codes.contains(500));
    }
}
