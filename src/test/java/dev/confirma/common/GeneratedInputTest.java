package dev.confirma.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.GeneratedRequests;
import dev.confirma.support.GeneratedRequests.Request;
import dev.confirma.support.RawHttp;
import dev.confirma.support.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated input across every endpoint, against the running application: no answer is a
 * 5xx, every refusal is the contract's error JSON, and a refused request leaves every table
 * as it was (status 0 in the summary: an oversize body whose connection the server closed
 * before the client had finished sending it). The seed is printed; rerun a run with {@code -Dtest.generated-input.seed=<seed>},
 * change its size with {@code -Dtest.generated-input.requests=<n>}.
 */
@QuarkusTest
class GeneratedInputTest {

    private static final int REQUESTS = Integer.getInteger("test.generated-input.requests", 10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldNeverAnswer5xxAndStoreNothingForARefusedRequest() {
        long seed = Long.getLong("test.generated-input.seed", new SecureRandom().nextLong());
        String rerun = "seed " + seed + " (rerun with -Dtest.generated-input.seed=" + seed + ")";
        System.out.println("GeneratedInputTest: " + REQUESTS + " requests, " + rerun);
        GeneratedRequests requests = new GeneratedRequests(scene());
        Random random = new Random(seed);

        long started = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        DatabaseSnapshot stored = DatabaseSnapshot.take();
        String previous = "none";
        for (int n = 1; n <= REQUESTS; n++) {
            Request request = requests.next(random);
            Optional<Answer> answered;
            try {
                answered = RawHttp.sendUnlessClosed(request.method(), request.path(), request.headers(), request.body());
            } catch (IllegalStateException e) {
                throw new AssertionError("no answer, " + rerun + ", request " + n + ": " + request.describe() + "\nafter " + previous, e);
            }
            previous = request.describe();
            if (answered.isEmpty()) {
                statuses.merge(0, 1, Integer::sum);
                stored.assertUnchanged("an oversize request changed the database, " + rerun + ", request " + n + ": " + request.describe());
                continue;
            }
            Answer answer = answered.get();
            String context = rerun + ", request " + n + ": " + request.describe() + "\n→ " + answer.status() + " " + preview(answer.body());
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 503 && request.path().startsWith("/q/health")) {
                // readiness DOWN (a test moved the clock past the chains' lag limit) is health's own answer, in its own shape
                stored.assertUnchanged("a health request changed the database, " + context);
                continue;
            }
            if (answer.status() >= 500) {
                fail("5xx answer, " + context);
            }
            if (answer.status() >= 400) {
                assertContractError(request, answer, context);
                stored.assertUnchanged("a refused request changed the database, " + context);
            } else {
                stored = DatabaseSnapshot.take();
            }
        }
        System.out.println("GeneratedInputTest: answers by status " + statuses + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertTrue(statuses.keySet().stream().anyMatch(s -> s < 300), "some generated requests must be accepted: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > REQUESTS / 10, "many must be refused as bad: " + statuses);
    }

    /** A store and its order (with a pending callback), the store the operator's requests may change, another store's order. */
    private static GeneratedRequests.Scene scene() {
        TestStore store = Fixtures.createStore();
        TestStore victim = Fixtures.createStore();
        var order = Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200).extract().jsonPath();
        String orderId = order.getString("id");
        store.asPlugin().body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + orderId)
                .then().statusCode(200);
        String deliveryId = store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries")
                .then().statusCode(200).extract().path("deliveries[0].id");
        return new GeneratedRequests.Scene(store.id(), store.apiKey(), victim.id(), orderId, order.getString("sessionToken"),
                Fixtures.createOrder(Fixtures.createStore()), deliveryId, Fixtures.ADMIN_TOKEN);
    }

    /**
     * The hosted page answers its refusals as a page, and the HTTP server itself a request line
     * over 4 KiB (414, before Confirma sees the request); everything else in the contract's JSON.
     */
    private static void assertContractError(Request request, Answer answer, String context) {
        boolean page = request.path().startsWith("/pay/") || request.path().startsWith("/public/payment-details");
        if (request.method().equals("HEAD") || answer.status() == 414
                || (page && answer.contentType() != null && answer.contentType().startsWith("text/html"))) {
            return;
        }
        boolean v1 = request.path().equals("/v1") || request.path().startsWith("/v1/") || request.path().startsWith("/v1?");
        String expected = v1 ? "application/problem+json" : "application/json";
        assertTrue(answer.contentType() != null && answer.contentType().startsWith(expected), "not " + expected + ", " + context);
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("unreadable JSON, " + context, e);
        }
        if (v1) {
            assertEquals(answer.status(), body.path("status").asInt(), context);
            assertTrue(body.path("type").isTextual() && body.path("title").isTextual() && body.path("detail").isTextual(), context);
            assertEquals(body.path("detail"), body.path("message"), context);
        } else {
            assertEquals("failed", body.path("status").asText(), context);
        }
        assertTrue(body.path("error").path("code").isTextual() && body.path("message").isTextual(), context);
        assertEquals(body.path("message"), body.path("error").path("message"), context);
    }

    private static String preview(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
