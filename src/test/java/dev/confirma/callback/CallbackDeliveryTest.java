package dev.confirma.callback;

import static dev.confirma.support.Fixtures.asOperator;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.order.Order;
import dev.confirma.order.OrderExpiry;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CallbackReceiver.Answer;
import dev.confirma.support.CallbackReceiver.Received;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks to a local receiver: their shape and signatures, the order of one order's events,
 * the retry schedule (driven by the test clock, the worker invoked directly), and every way a
 * receiver can fail. The %test profile's schedule is PT1M, PT10M, PT1H: four attempts.
 */
@QuarkusTest
class CallbackDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CallbackWorker worker;

    @Inject
    OrderStateMachine stateMachine;

    @Inject
    OrderExpiry expiry;

    @Inject
    dev.confirma.rates.MarketRates rates;

    private CallbackReceiver receiver;
    private TestStore store;

    @BeforeEach
    void receiverAndStore() {
        receiver = CallbackReceiver.start();
        store = Fixtures.createStore();
        rates.refresh();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldPostSignedCallbackInTheContractShapeWhenTheStoreCancelsAnOrder() throws Exception {
        String orderId = orderCallingBack("/wc-api/cryptum");
        JsonPath order = store.asPlugin().get("/plugins/orders/" + orderId).then().extract().jsonPath();
        cancel(orderId);

        worker.deliverDue();

        List<Received> got = receiver.receivedAt("/wc-api/cryptum");
        assertThat(got, hasSize(1));
        Received callback = got.get(0);
        assertEquals("{\"orderId\":\"" + orderId + "\",\"ecommerceOrderId\":\""
                + order.getString("ecommerceOrderId") + "\",\"storeId\":\"" + store.id() + "\",\"paymentStatus\":\"cancelled\","
                + "\"message\":\"Payment status set to cancelled by the store\",\"transactions\":[],\"event\":\"order.cancelled\"}",
                callback.bodyText());
        assertThat(callback.header("content-type"), startsWith("application/json"));
        // what the Cryptum WooCommerce plugin checks before it reads the order back
        assertEquals(store.apiKey(), callback.header("x-api-key"));
        assertSignedByStore(callback);
        assertEquals(Long.toString(TestClockProducer.clock().instant().getEpochSecond()), callback.header("webhook-timestamp"));

        JsonPath log = deliveries(orderId);
        assertThat(log.getList("deliveries"), hasSize(1));
        assertEquals("delivered", log.getString("deliveries[0].state"));
        assertEquals(callback.header("webhook-id"), log.getString("deliveries[0].webhookId"));
        assertEquals(1, log.getInt("deliveries[0].attemptCount"));
        assertEquals(200, log.getInt("deliveries[0].attempts[0].statusCode"));
        assertEquals("{\"ok\":true}", log.getString("deliveries[0].attempts[0].response"));
        assertEquals(callback.bodyText(), log.getString("deliveries[0].body"));
    }

    @Test
    void shouldListTheHashAttachedInTheSameRequestWhenAnOrderGoesOnHold() throws Exception {
        String orderId = orderCallingBack("/hold");
        String hash = Fixtures.randomTxHash();
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO")).put("/plugins/checkout/" + orderId)
                .then().statusCode(200);

        worker.deliverDue();

        JsonNode body = JSON.readTree(receiver.receivedAt("/hold").get(0).body());
        assertEquals("on-hold", body.get("paymentStatus").asText());
        assertEquals("order.on-hold", body.get("event").asText());
        assertEquals("[{\"protocol\":\"CELO\",\"hash\":\"" + hash + "\"}]", body.get("transactions").toString());
    }

    @Test
    void shouldWriteNoCallbackWhenTheStatusChangeRollsBack() {
        String orderId = orderCallingBack("/rolled-back");
        RuntimeException failure = new IllegalStateException("something later in the transaction failed");

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                stateMachine.requestByStore(Order.findById(orderId), PaymentStatus.CANCELLED, dev.confirma.order.Actor.SYSTEM, null);
                throw failure;
            });
        } catch (IllegalStateException expected) {
            assertThat(expected, sameInstance(failure));
        }

        assertThat(deliveries(orderId).getList("deliveries"), empty());
        store.asPlugin().get("/plugins/orders/" + orderId).then().body("paymentStatus", equalTo("pending"));
    }

    @Test
    void shouldHoldAnOrdersLaterEventUntilTheEarlierOneIsDelivered() throws Exception {
        String orderId = orderCallingBack("/ordered");
        store.asPlugin().body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + orderId)
                .then().statusCode(200);
        cancel(orderId); // on-hold, then cancelled
        receiver.thenAnswer(Answer.status(500));

        worker.deliverDue();
        assertThat(events("/ordered"), contains("order.on-hold")); // failed, and the cancellation waits behind it

        TestClockProducer.clock().advance(Duration.ofMinutes(2));
        worker.deliverDue();

        assertThat(events("/ordered"), contains("order.on-hold", "order.on-hold", "order.cancelled"));
        assertThat(deliveries(orderId).getList("deliveries.state"), contains("delivered", "delivered"));
    }

    @Test
    void shouldRetryOnTheScheduleWithJitterAndMarkTheDeliveryDeadAfterTheLastAttempt() {
        String orderId = orderCallingBack("/down");
        receiver.otherwise(Answer.status(500));
        cancel(orderId);
        Instant first = TestClockProducer.clock().instant();

        worker.deliverDue();
        assertThat(receiver.receivedAt("/down"), hasSize(1));
        assertNextAttemptWithin(orderId, first.plus(Duration.ofMinutes(1)), first.plusSeconds(75));

        TestClockProducer.clock().advance(Duration.ofSeconds(59));
        worker.deliverDue();
        assertThat("not before the first delay", receiver.receivedAt("/down"), hasSize(1));

        TestClockProducer.clock().advance(Duration.ofSeconds(16)); // 75 s: past the delay and its largest jitter
        worker.deliverDue();
        assertThat(receiver.receivedAt("/down"), hasSize(2));
        Instant second = TestClockProducer.clock().instant();
        assertNextAttemptWithin(orderId, second.plus(Duration.ofMinutes(10)), second.plus(Duration.ofSeconds(750)));

        TestClockProducer.clock().advance(Duration.ofSeconds(750));
        worker.deliverDue();
        Instant third = TestClockProducer.clock().instant();
        assertNextAttemptWithin(orderId, third.plus(Duration.ofHours(1)), third.plus(Duration.ofMinutes(75)));
        TestClockProducer.clock().advance(Duration.ofMinutes(75));
        worker.deliverDue();

        List<Received> attempts = receiver.receivedAt("/down");
        assertThat(attempts, hasSize(4));
        assertEquals(1, attempts.stream().map(r -> r.header("webhook-id")).distinct().count(), "one webhook-id for every retry");
        assertEquals(1, attempts.stream().map(Received::bodyText).distinct().count(), "the same bytes every time");
        attempts.forEach(this::assertSignedByStore);
        JsonPath log = deliveries(orderId);
        assertEquals("dead", log.getString("deliveries[0].state"));
        assertThat(log.getString("deliveries[0].nextAttemptAt"), nullValue());
        assertThat(log.getList("deliveries[0].attempts.statusCode"), contains(500, 500, 500, 500));
        assertThat(log.getList("deliveries[0].attempts.error"), everyItem(equalTo("HTTP 500")));

        TestClockProducer.clock().advance(Duration.ofDays(5));
        worker.deliverDue();
        assertThat("dead stays dead", receiver.receivedAt("/down"), hasSize(4));
        asOperator().queryParam("state", "dead").get("/admin/deliveries").then().statusCode(200)
                .body("deliveries.find { it.orderId == '" + orderId + "' }.state", equalTo("dead"));
    }

    @Test
    void shouldWaitAsLongAsTheReceiverAsksInRetryAfter() {
        String seconds = orderCallingBack("/busy");
        String date = orderCallingBack("/busy-date");
        Instant now = TestClockProducer.clock().instant();
        String inThreeHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC));
        receiver.thenAnswer(Answer.status(503, "Retry-After", "7200"));
        cancel(seconds);
        worker.deliverDue();
        receiver.thenAnswer(Answer.status(429, "Retry-After", inThreeHours));
        cancel(date);
        worker.deliverDue();

        assertNextAttemptWithin(seconds, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(2)));
        assertNextAttemptWithin(date, now.plus(Duration.ofHours(3)).minusSeconds(1), now.plus(Duration.ofHours(3)));
    }

    @Test
    void shouldStopRetryingWhenTheReceiverAnswersGone() {
        String orderId = orderCallingBack("/gone");
        receiver.otherwise(Answer.status(410));
        cancel(orderId);

        worker.deliverDue();
        TestClockProducer.clock().advance(Duration.ofDays(4));
        worker.deliverDue();

        assertThat(receiver.receivedAt("/gone"), hasSize(1));
        JsonPath log = deliveries(orderId);
        assertEquals("dead", log.getString("deliveries[0].state"));
        assertThat(log.getString("deliveries[0].attempts[0].error"), containsString("410"));
    }

    @Test
    void shouldGiveUpOnASlowReceiverAtTheTimeoutAndTryAgainLater() {
        String orderId = orderCallingBack("/slow");
        receiver.thenAnswer(Answer.hanging());
        cancel(orderId);

        worker.deliverDue();

        JsonPath log = deliveries(orderId);
        assertEquals("pending", log.getString("deliveries[0].state"));
        assertThat(log.getString("deliveries[0].attempts[0].statusCode"), nullValue());
        assertThat(log.getString("deliveries[0].attempts[0].error"), containsString("no answer within PT3S"));
        assertThat(log.getLong("deliveries[0].attempts[0].latencyMs"), both(greaterThanOrEqualTo(900L)).and(lessThanOrEqualTo(5000L)));

        TestClockProducer.clock().advance(Duration.ofMinutes(2));
        worker.deliverDue();
        assertEquals("delivered", deliveries(orderId).getString("deliveries[0].state"));
    }

    @Test
    void shouldNotFollowARedirect() {
        String orderId = orderCallingBack("/moved");
        receiver.thenAnswer(Answer.status(301, "Location", receiver.url("/elsewhere")));
        cancel(orderId);

        worker.deliverDue();

        assertThat(receiver.receivedAt("/elsewhere"), empty());
        JsonPath log = deliveries(orderId);
        assertEquals("pending", log.getString("deliveries[0].state"));
        assertEquals(301, log.getInt("deliveries[0].attempts[0].statusCode"));
        assertEquals("redirect to " + receiver.url("/elsewhere") + " not followed", log.getString("deliveries[0].attempts[0].error"));
    }

    @Test
    void shouldKeepOnlyTheFirstBytesOfAGarbageAnswer() {
        String failing = orderCallingBack("/garbage");
        String accepting = orderCallingBack("/garbage-ok");
        byte[] garbage = new byte[200_000];
        new java.util.Random(7).nextBytes(garbage);
        receiver.thenAnswer(Answer.body(500, garbage));
        cancel(failing);
        worker.deliverDue();
        receiver.thenAnswer(Answer.body(200, garbage));
        cancel(accepting);
        worker.deliverDue();

        JsonPath failed = deliveries(failing);
        assertEquals("pending", failed.getString("deliveries[0].state"));
        String excerpt = failed.getString("deliveries[0].attempts[0].response");
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length, lessThanOrEqualTo(3 * CallbackSender.EXCERPT_BYTES));
        assertThat(excerpt.codePoints().count(), lessThanOrEqualTo((long) CallbackSender.EXCERPT_BYTES));
        assertTrue(excerpt.chars().noneMatch(c -> c == 0));
        assertEquals("delivered", deliveries(accepting).getString("deliveries[0].state"), "any 2xx is delivered, whatever its body");
    }

    @Test
    void shouldRetryWhenTheReceiverIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", "http://127.0.0.1:" + closedPort + "/nobody-home");
        String orderId = postCheckout(store, body).statusCode(200).extract().path("id");
        cancel(orderId);

        worker.deliverDue();

        JsonPath log = deliveries(orderId);
        assertEquals("pending", log.getString("deliveries[0].state"));
        assertThat(log.getString("deliveries[0].attempts[0].error"), startsWith("cannot connect"));
    }

    @Test
    void shouldRedeliverWithTheSameWebhookIdLinkedToTheOriginal() {
        String orderId = orderCallingBack("/again");
        cancel(orderId);
        worker.deliverDue();
        String original = deliveries(orderId).getString("deliveries[0].id");

        String byStore = store.asPlugin().post("/plugins/orders/" + orderId + "/deliveries/" + original + "/redeliver")
                .then().statusCode(202).body("redeliveryOf", equalTo(original)).body("state", equalTo("pending"))
                .extract().path("id");
        worker.deliverDue();
        String byOperator = asOperator().post("/admin/deliveries/" + byStore + "/redeliver")
                .then().statusCode(202).body("redeliveryOf", equalTo(original)).extract().path("id");
        worker.deliverDue();

        List<Received> got = receiver.receivedAt("/again");
        assertThat(got, hasSize(3));
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        assertEquals(1, got.stream().map(Received::bodyText).distinct().count());
        assertThat(deliveries(orderId).getList("deliveries.id"), contains(original, byStore, byOperator));
        assertThat(deliveries(orderId).getList("deliveries.state"), everyItem(equalTo("delivered")));
    }

    @Test
    void shouldRefuseBadDeliveryRequestsWithoutChangingAnything() {
        String orderId = orderCallingBack("/refused");
        cancel(orderId);
        String pending = deliveries(orderId).getString("deliveries[0].id");
        TestStore other = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();

        other.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().statusCode(404).body("status", equalTo("failed"));
        other.asPlugin().post("/plugins/orders/" + orderId + "/deliveries/" + pending + "/redeliver").then().statusCode(404);
        store.asPlugin().post("/plugins/orders/" + orderId + "/deliveries/no-such-delivery/redeliver").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
        store.asPlugin().post("/plugins/orders/" + orderId + "/deliveries/" + pending + "/redeliver").then().statusCode(409)
                .body("error.code", equalTo("delivery_pending"));
        asOperator().queryParam("state", "lost").get("/admin/deliveries").then().statusCode(400)
                .body("error.field", equalTo("state")).body("message", equalTo("state must be pending, delivered or dead"));
        asOperator().queryParam("limit", "1000").get("/admin/deliveries").then().statusCode(400).body("error.field", equalTo("limit"));
        io.restassured.RestAssured.given().get("/admin/deliveries").then().statusCode(401);
        io.restassured.RestAssured.given().get("/plugins/orders/" + orderId + "/deliveries").then().statusCode(401);

        before.assertUnchanged();
    }

    @Test
    void shouldCallBackWhenTheSchedulerCancelsAnExpiredOrder() throws Exception {
        String orderId = orderCallingBack("/expired");
        TestClockProducer.clock().advance(Duration.ofMinutes(16));

        expiry.cancelExpired();
        worker.deliverDue();

        JsonNode body = JSON.readTree(receiver.receivedAt("/expired").get(0).body());
        assertEquals(orderId, body.get("orderId").asText());
        assertEquals("cancelled", body.get("paymentStatus").asText());
        assertEquals("order.cancelled", body.get("event").asText());
        assertEquals("Order cancelled: not paid before it expired", body.get("message").asText());
    }

    private String orderCallingBack(String path) {
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", receiver.url(path));
        return postCheckout(store, body).statusCode(200).extract().path("id");
    }

    private void cancel(String orderId) {
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orderId).then().statusCode(200);
    }

    private JsonPath deliveries(String orderId) {
        return store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private List<String> events(String path) {
        return receiver.receivedAt(path).stream().map(r -> {
            try {
                return JSON.readTree(r.body()).get("event").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void assertNextAttemptWithin(String orderId, Instant earliest, Instant latest) {
        Instant next = Instant.parse(deliveries(orderId).getString("deliveries[0].nextAttemptAt"));
        assertThat(next, both(greaterThanOrEqualTo(earliest)).and(lessThanOrEqualTo(latest)));
    }

    /** Recomputes both signatures from the store's secret, independently of the server's code. */
    private void assertSignedByStore(Received callback) {
        byte[] key = store.webhookSecret().getBytes(StandardCharsets.UTF_8);
        assertEquals(hmac(key, callback.body()), callback.header("x-webhook-signature"));
        String signed = callback.header("webhook-id") + "." + callback.header("webhook-timestamp") + "." + callback.bodyText();
        assertEquals("v1," + hmac(key, signed.getBytes(StandardCharsets.UTF_8)), callback.header("webhook-signature"));
        assertThat(callback.header("webhook-id"), startsWith("msg_"));
    }

    private static String hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
