package dev.confirma.callback;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.order.Order;
import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard switched on (as in production): at checkout, and again when a callback is sent. */
@QuarkusTest
@TestProfile(CallbackSsrfTest.GuardedCallbacks.class)
class CallbackSsrfTest {

    public static class GuardedCallbacks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("confirma.callbacks.allow-private-targets", "false");
        }
    }

    @Inject
    CallbackWorker worker;

    @Inject
    dev.confirma.rates.MarketRates rates;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/wc-api/cb | resolves to 127.0.0.1 (loopback)",
            "http://localhost/wc-api/cb | (loopback)",
            "http://[::1]/cb | (loopback)",
            "http://[::ffff:127.0.0.1]/cb | resolves to 127.0.0.1 (loopback)",
            "https://10.0.0.5/cb | resolves to 10.0.0.5 (private)",
            "http://192.168.0.10/cb | (private)",
            "http://169.254.169.254/latest/meta-data/ | resolves to 169.254.169.254 (cloud metadata)",
            "http://[fe80::1]/cb | (link-local)",
            "http://[fd00:ec2::254]/cb | (unique-local)",
            "http://224.0.0.1/cb | (multicast)",
            "http://0.0.0.0/cb | (unspecified",
            "http://no-such-host.invalid/cb | host no-such-host.invalid cannot be resolved",
    })
    void shouldRefuseACheckoutWhoseCallbackGoesToANonPublicAddress(String callbackUrl, String reason) {
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", callbackUrl.trim());

        postCheckout(store, body).statusCode(400)
                .body("status", equalTo("failed"))
                .body("error.field", equalTo("callbackUrl"))
                .body("message", startsWith("callbackUrl is refused: "))
                .body("message", containsString(reason.trim()))
                .body("message", containsString("confirma.callbacks.allow-private-targets=true"));

        before.assertUnchanged();
    }

    @Test
    void shouldAcceptACallbackToAPublicAddress() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", "http://93.184.216.34/wc-api/cb");
        postCheckout(store, body).statusCode(200).body("callbackUrl", equalTo("http://93.184.216.34/wc-api/cb"));
    }

    /**
     * A callback URL that passed at checkout but now leads to a loopback address (as a DNS
     * rebinding would make it) is checked again when sent, and nothing is sent.
     */
    @Test
    void shouldRefuseToSendACallbackWhoseHostNowLeadsToALoopbackAddress() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            Map<String, Object> body = checkout(store);
            body.put("callbackUrl", "http://93.184.216.34/wc-api/cb");
            String orderId = postCheckout(store, body).statusCode(200).extract().path("id");
            QuarkusTransaction.requiringNew().run(() -> Order.<Order>findById(orderId).callbackUrl = receiver.url("/rebound"));
            store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orderId).then().statusCode(200);

            worker.deliverDue();

            assertThat(receiver.received(), empty());
            JsonPath log = store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals("pending", log.getString("deliveries[0].state"));
            assertEquals("not sent: host 127.0.0.1 resolves to 127.0.0.1 (loopback); callbacks go to public addresses only",
                    log.getString("deliveries[0].attempts[0].error"));
        }
    }
}
