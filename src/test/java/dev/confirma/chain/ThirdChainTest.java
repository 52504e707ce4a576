package dev.confirma.chain;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.callback.CallbackWorker;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.BaseNode;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CallbackReceiver.Received;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A chain the code has never heard of, configured through properties alone: a local node with
 * Base's chain id 8453 as {@code confirma.chains.base.*}, with a real USDC token. An order is
 * quoted on it, paid there, confirmed at its depth, called back, and offered on the page.
 */
@QuarkusTest
@TestProfile(ThirdChainTest.WithBase.class)
class ThirdChainTest {

    public static class WithBase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BaseNode.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 12.50 USD at 1 USD per USDC, in 6 decimals. */
    private static final BigInteger USDC_DUE = BigInteger.valueOf(12_500_000);

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    CallbackWorker worker;

    @Test
    void shouldQuotePayConfirmAndCallBackAnOrderOnAChainConfiguredOnlyByProperties() throws Exception {
        BaseNode.NODE.alignClock(TestClockProducer.clock());
        RateStub.resetAll();
        rates.refresh();
        Protocol base = Protocol.ofConfigName("base");
        watcher.poll(base); // the cursor starts at the node's head
        String wallet = Fixtures.randomAddress();
        TestStore store = Fixtures.createStore(Map.of("name", "Base shop", "acceptedAssets", List.of("USDC"),
                "wallets", List.of(Map.of("protocol", "BASE", "address", wallet))));

        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            Map<String, Object> body = checkout(store);
            body.put("callbackUrl", receiver.url("/wc-api/cryptum"));
            JsonPath created = postCheckout(store, body).statusCode(200).extract().jsonPath();
            String orderId = created.getString("id");
            assertEquals(List.of("BASE"), created.getList("quotes.protocol"));
            assertEquals("USDC", created.getString("quotes[0].asset"));
            assertEquals(BaseNode.NODE.token("USDC"), created.getString("quotes[0].contract"));
            assertEquals(USDC_DUE.toString(), created.getString("quotes[0].amountBaseUnits"));
            assertEquals("ethereum:" + BaseNode.NODE.token("USDC") + "@8453/transfer?address=" + wallet + "&uint256=" + USDC_DUE,
                    created.getString("quotes[0].paymentUri"));

            // the page offers it with Base's chain id, its name and native coin from configuration
            String token = created.getString("sessionToken");
            given().queryParam("sessionToken", token).get("/public/orders/" + orderId).then().statusCode(200)
                    .body("quotes[0].protocol", equalTo("BASE"))
                    .body("quotes[0].chainId", equalTo(8453));
            given().queryParam("sessionToken", token).get("/pay/" + orderId).then().statusCode(200)
                    .body(containsString("data-chain-id=\"0x2105\""))
                    .body(containsString("data-chain-name=\"Base\""))
                    .body(containsString("data-native-symbol=\"ETH\""));

            // paid on the 8453 node by its unique amount, no hash claimed: the watcher of BASE finds it
            String hash = BaseNode.NODE.payToken("USDC", wallet, USDC_DUE);
            watcher.poll(base);
            store.asPlugin().get("/plugins/orders/" + orderId).then()
                    .body("paymentStatus", equalTo("on-hold"))
                    .body("transactions[0].protocol", equalTo("BASE"))
                    .body("transactions[0].hash", equalTo(hash));
            BaseNode.NODE.mine(5); // depth 6 on this chain
            watcher.poll(base);
            store.asPlugin().get("/plugins/orders/" + orderId).then()
                    .body("paymentStatus", equalTo("confirmed"))
                    .body("blockchain", equalTo("BASE"))
                    .body("paymentMethod", equalTo("USDC"))
                    .body("amountReceived", equalTo("12.5"))
                    .body("paymentException", equalTo(null))
                    .body("transactions[0].status", equalTo("confirmed"));

            worker.deliverDue();
            List<Received> callbacks = receiver.receivedAt("/wc-api/cryptum");
            List<String> events = callbacks.stream().map(c -> read(c).get("event").asText()).toList();
            assertEquals(List.of("order.on-hold", "order.confirmed"), events);
            JsonNode confirmed = read(callbacks.get(1));
            assertEquals("confirmed", confirmed.get("paymentStatus").asText());
            assertEquals("BASE", confirmed.get("transactions").get(0).get("protocol").asText());
            assertEquals(hash, confirmed.get("transactions").get(0).get("hash").asText());
            assertEquals(hmac(store.webhookSecret(), callbacks.get(1).body()), callbacks.get(1).header("x-webhook-signature"));
        }
        given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).get("/admin/chains").then().statusCode(200)
                .body("chains.chain", hasItem("BASE")).body("chains.find { it.chain == 'BASE' }.watching", equalTo(true));
    }

    private static JsonNode read(Received callback) {
        try {
            return JSON.readTree(callback.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
