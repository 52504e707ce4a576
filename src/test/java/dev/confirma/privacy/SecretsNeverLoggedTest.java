package dev.confirma.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackWorker;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.store.ApiKey;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.LogCapture;
import dev.confirma.support.TestChains;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole payment run with everything at DEBUG (Confirma, Quarkus, JBoss, Vert.x) and the HTTP
 * access log on: no API key, webhook secret, operator token, session token, callback signature
 * or sealed key copy appears in anything logged.
 */
@QuarkusTest
@TestProfile(SecretsNeverLoggedTest.DebugEverything.class)
class SecretsNeverLoggedTest {

    public static class DebugEverything implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.category.\"io.quarkus\".level", "DEBUG",
                    "quarkus.log.category.\"org.jboss\".level", "DEBUG",
                    "quarkus.log.category.\"io.vertx\".level", "DEBUG",
                    "quarkus.http.access-log.enabled", "true");
        }
    }

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    CallbackWorker worker;

    @Test
    void shouldLogNoKeyTokenSecretOrSignatureThroughAWholePaymentRun() {
        List<String> secrets = new ArrayList<>(List.of(Fixtures.ADMIN_TOKEN));
        try (LogCapture log = LogCapture.everything(); CallbackReceiver receiver = CallbackReceiver.start()) {
            String wallet = Fixtures.randomAddress();
            TestStore store = CeloScene.caughtUpStore(watcher, rates, "Secret shop", wallet);
            secrets.add(store.apiKey());
            secrets.add(store.webhookSecret());
            store.asPlugin().body(Map.of("storeId", store.id(), "plugin", "checkout", "ecommerceType", "wordpress"))
                    .post("/plugins/stores/verification").then().statusCode(200);

            Map<String, Object> body = Fixtures.checkout(store);
            body.put("callbackUrl", receiver.url("/wc-api/cryptum"));
            var checkout = Fixtures.postCheckout(store, body).statusCode(200).extract().jsonPath();
            String orderId = checkout.getString("id");
            String sessionToken = checkout.getString("sessionToken");
            secrets.add(sessionToken);
            given().queryParam("sessionToken", sessionToken).get("/pay/" + orderId).then().statusCode(200);
            given().queryParam("sessionToken", sessionToken).get("/public/orders/" + orderId).then().statusCode(200);
            given().header("Authorization", "Bearer " + sessionToken).get("/public/orders/" + orderId).then().statusCode(200);

            String due = checkout.getString("quotes.find { it.asset == 'USDC' }.amountBaseUnits");
            String hash = AnvilNodes.CELO.payToken("USDC", wallet, new BigInteger(due));
            given().contentType(ContentType.JSON).queryParam("sessionToken", sessionToken)
                    .body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", "USDC"))
                    .put("/plugins/checkout/" + orderId).then().statusCode(200);
            AnvilNodes.CELO.mine(10);
            watcher.poll(TestChains.CELO);
            store.asPlugin().get("/plugins/orders/" + orderId).then().statusCode(200)
                    .body("paymentStatus", org.hamcrest.Matchers.equalTo("confirmed"));

            worker.deliverDue();
            List<CallbackReceiver.Received> callbacks = receiver.receivedAt("/wc-api/cryptum");
            assertFalse(callbacks.isEmpty(), "the callbacks were delivered");
            for (CallbackReceiver.Received callback : callbacks) {
                assertEquals(store.apiKey(), callback.header("x-api-key"));
                secrets.add(callback.header("x-webhook-signature"));
                secrets.add(callback.header("webhook-signature").substring("v1,".length()));
            }

            String rotated = Fixtures.asOperator().post("/admin/stores/" + store.id() + "/api-keys").then().statusCode(201)
                    .extract().path("apiKey");
            secrets.add(rotated);
            given().header("x-api-key", rotated).get("/plugins/orders/" + orderId).then().statusCode(200);
            given().header("Authorization", "Bearer " + rotated).get("/v1/orders/" + orderId).then().statusCode(200);
            given().header("x-api-key", rotated + "x").get("/plugins/orders/" + orderId).then().statusCode(401);
            Fixtures.asOperator().get("/admin/stores/" + store.id() + "/api-keys").then().statusCode(200);
            secrets.addAll(QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>list("storeId", store.id()).stream()
                    .map(k -> k.callbackCopy).toList()));

            assertTrue(log.messages().size() > 20, "everything was captured at DEBUG: " + log.messages().size() + " lines");
            assertTrue(log.contains("GET /public/orders/" + orderId), "the access log was on and captured");
            for (String secret : secrets) {
                for (String message : log.messages()) {
                    assertFalse(message != null && message.contains(secret), "a secret was logged: " + message);
                }
            }
        }
    }
}
