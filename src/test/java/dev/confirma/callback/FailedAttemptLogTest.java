package dev.confirma.callback;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.confirma.support.CallbackReceiver;
import dev.confirma.support.CallbackReceiver.Answer;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.LogCapture;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Every failed delivery attempt is a WARN naming the order, the target's host (never its path
 * or query, which may carry a token), the reason, the attempt number and the next attempt's time.
 */
@QuarkusTest
class FailedAttemptLogTest {

    @Inject
    CallbackWorker worker;

    @Inject
    dev.confirma.rates.MarketRates rates;

    @Test
    void shouldWarnOncePerFailedAttemptWithTheHostAndNeverTheUrlsToken() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        try (CallbackReceiver receiver = CallbackReceiver.start(); LogCapture log = LogCapture.of(CallbackQueue.class)) {
            receiver.otherwise(Answer.status(503));
            String url = receiver.url("/hooks/tok_pathsecret?token=tok_querysecret");
            String hostPort = URI.create(url).getHost() + ":" + URI.create(url).getPort();
            String orderId = orderCallingBack(store, url);

            for (int attempt = 1; attempt <= 3; attempt++) {
                worker.deliverDue();
                TestClockProducer.clock().advance(Duration.ofMinutes(attempt == 1 ? 2 : attempt == 2 ? 13 : 75));
            }

            List<String> warnings = about(log, orderId);
            assertThat(warnings, hasSize(3));
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(warnings.get(attempt - 1), allOf(containsString("order " + orderId), containsString("host " + hostPort),
                        containsString("HTTP 503"), containsString("attempt " + attempt + ")"), containsString("next attempt at 20")));
            }
            for (String message : log.messages()) {
                assertThat(message, allOf(not(containsString("tok_")), not(containsString("/hooks"))));
            }
        }
    }

    @Test
    void shouldWarnWithTheReasonWhenTheReceiverIsDown() throws Exception {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String orderId = orderCallingBack(store, "http://127.0.0.1:" + closedPort + "/nobody-home");
        try (LogCapture log = LogCapture.of(CallbackQueue.class)) {
            worker.deliverDue();
            assertThat(about(log, orderId), hasSize(1));
            assertThat(about(log, orderId).get(0), allOf(containsString("order " + orderId),
                    containsString("host 127.0.0.1:" + closedPort), containsString("cannot connect"), containsString("attempt 1)")));
        }
    }

    /** Deliveries other tests left pending may be attempted too: this order's lines only. */
    private static List<String> about(LogCapture log, String orderId) {
        return log.messagesAt(Level.WARNING).stream().filter(m -> m.contains(orderId)).toList();
    }

    private static String orderCallingBack(TestStore store, String url) {
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", url);
        String orderId = postCheckout(store, body).statusCode(200).extract().path("id");
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orderId).then().statusCode(200);
        return orderId;
    }
}
