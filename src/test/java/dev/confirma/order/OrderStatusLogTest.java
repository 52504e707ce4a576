package dev.confirma.order;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** One INFO line per status change, payment and lifecycle, with the order, the store, from, to and who or what moved it. */
@QuarkusTest
class OrderStatusLogTest {

    @jakarta.inject.Inject
    dev.confirma.rates.MarketRates rates;

    @Test
    void shouldLogOneInfoLinePerStatusChangeWithItsCause() {
        rates.refresh();
        TestStore store = Fixtures.createStore();
        String orderId = Fixtures.createOrder(store);
        String prefix = store.apiKey().substring(0, 10);
        try (LogCapture log = LogCapture.of(OrderStatusLog.class)) {
            store.asPlugin().body(Map.of("paymentStatus", "on-hold")).put("/plugins/checkout/" + orderId).then().statusCode(200);
            store.asMerchant().body(Map.of("reason", "Zelia asked to cancel")).post("/v1/orders/" + orderId + "/cancel")
                    .then().statusCode(200);

            assertThat(log.messagesAt(Level.INFO), contains(
                    "Order " + orderId + " of store " + store.id() + ": payment pending -> on_hold (cause store)",
                    "Order " + orderId + " of store " + store.id() + ": lifecycle CREATED -> CANCELLED (by " + prefix + ")",
                    "Order " + orderId + " of store " + store.id() + ": payment on_hold -> cancelled (cause store)"));
        }
    }
}
