package dev.confirma.order;

import static dev.confirma.support.Fixtures.createOrder;
import static dev.confirma.support.Fixtures.randomTxHash;
import static org.hamcrest.Matchers.equalTo;

import dev.confirma.rates.MarketRates;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderExpiryTest {

    @Inject
    OrderExpiry expiry;

    @Inject
    MarketRates rates;

    @Test
    void shouldCancelPendingOrdersAtExpiryAndLeaveSeenPaymentsToTheChain() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        String unpaid = createOrder(store);
        String paying = createOrder(store);
        store.asPlugin().body(Map.of("transactionHash", randomTxHash())).put("/plugins/checkout/" + paying).then().statusCode(200);
        TestClockProducer.clock().advance(Duration.ofMinutes(10));
        rates.refresh();
        String fresh = createOrder(store);

        TestClockProducer.clock().advance(Duration.ofMinutes(5)); // the first two are exactly 15 minutes old
        expiry.cancelExpired();

        store.asPlugin().get("/plugins/orders/" + unpaid).then().body("paymentStatus", equalTo("cancelled"));
        store.asPlugin().get("/plugins/orders/" + paying).then().body("paymentStatus", equalTo("on-hold"));
        store.asPlugin().get("/plugins/orders/" + fresh).then().body("paymentStatus", equalTo("pending"));
    }
}
