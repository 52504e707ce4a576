package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderQueryTest {

    @Inject
    SessionFactory sessionFactory;

    private TestStore store;
    /** Oldest first: five orders an hour apart, the third cancelled, totals in USD and BRL. */
    private final List<String> ids = new ArrayList<>();
    private Instant firstCreated;

    @BeforeEach
    void fiveOrdersAnHourApart() {
        store = Fixtures.createStore();
        ids.clear();
        firstCreated = TestClockProducer.clock().instant();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = checkout(store);
            body.put("orderTotal", String.valueOf(10 + i));
            body.put("orderCurrency", i % 2 == 0 ? "USD" : "BRL");
            ids.add(postCheckout(store, body).statusCode(200).extract().path("id"));
            TestClockProducer.clock().advance(Duration.ofHours(1));
        }
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + ids.get(2)).then().statusCode(200);
    }

    private List<String> newestFirst(int... indexes) {
        List<String> expected = new ArrayList<>();
        for (int index : indexes) {
            expected.add(ids.get(index));
        }
        return expected;
    }

    @Test
    void shouldGetOwnOrder() {
        store.asPlugin().get("/plugins/orders/" + ids.get(0)).then().statusCode(200)
                .body("id", equalTo(ids.get(0))).body("orderTotal", equalTo("10.00")).body("sessionToken", nullValue());
    }

    @Test
    void shouldAnswer404ForForeignOrUnknownOrder() {
        TestStore other = Fixtures.createStore();
        other.asPlugin().get("/plugins/orders/" + ids.get(0)).then().statusCode(404)
                .body("message", equalTo("Order " + ids.get(0) + " not found"));
        store.asPlugin().get("/plugins/orders/00000000-0000-4000-8000-000000000000").then().statusCode(404);
        store.asPlugin().get("/plugins/orders/" + "x".repeat(300)).then().statusCode(404);
    }

    @Test
    void shouldListNewestFirstWithCount() {
        store.asPlugin().get("/plugins/orders").then().statusCode(200)
                .body("total", equalTo(5))
                .body("orders.id", contains(newestFirst(4, 3, 2, 1, 0).toArray()))
                .body("totals", nullValue());
        store.asPlugin().queryParam("storeId", store.id()).get("/plugins/orders").then().body("total", equalTo(5));
    }

    @Test
    void shouldPageWithLimitAndOffset() {
        store.asPlugin().queryParams(Map.of("limit", 2, "offset", 1)).get("/plugins/orders").then().statusCode(200)
                .body("total", equalTo(5)).body("orders.id", contains(newestFirst(3, 2).toArray()));
        store.asPlugin().queryParams(Map.of("limit", 100, "offset", 5)).get("/plugins/orders").then()
                .body("total", equalTo(5)).body("orders.size()", equalTo(0));
        store.asPlugin().queryParams(Map.of("limit", 2, "withCount", false)).get("/plugins/orders").then()
                .body("total", equalTo(2)).body("orders.id", contains(newestFirst(4, 3).toArray()));
    }

    @Test
    void shouldListAPageWithTheSameNumberOfQueriesWhateverItsSize() {
        long onePage = statementsFor(Map.of("limit", 1));
        long fivePage = statementsFor(Map.of("limit", 5));
        assertEquals(onePage, fivePage, "listing 5 orders took more SQL statements than listing 1");
    }

    private long statementsFor(Map<String, Object> query) {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        store.asPlugin().queryParams(query).get("/plugins/orders").then().statusCode(200);
        return statistics.getPrepareStatementCount() - before;
    }

    @Test
    void shouldFilterByPaymentStatus() {
        store.asPlugin().queryParam("paymentStatus", "cancelled").get("/plugins/orders").then()
                .body("total", equalTo(1)).body("orders.id", contains(ids.get(2)));
        store.asPlugin().queryParam("paymentStatus", "pending,cancelled").get("/plugins/orders").then().body("total", equalTo(5));
        store.asPlugin().queryParam("paymentStatus", "confirmed").get("/plugins/orders").then()
                .body("total", equalTo(0)).body("orders.size()", equalTo(0));
    }

    @Test
    void shouldFilterByDates() {
        Instant second = firstCreated.plus(Duration.ofHours(1));
        Instant fourth = firstCreated.plus(Duration.ofHours(3));
        store.asPlugin().queryParams(Map.of("startDate", second.toString(), "endDate", fourth.toString()))
                .get("/plugins/orders").then()
                .body("total", equalTo(2)).body("orders.id", contains(newestFirst(2, 1).toArray()));
        store.asPlugin().queryParam("startDate", fourth.toString()).get("/plugins/orders").then()
                .body("orders.id", contains(newestFirst(4, 3).toArray()));
        store.asPlugin().queryParam("endDate", second.atOffset(java.time.ZoneOffset.ofHours(-3)).toString()).get("/plugins/orders").then()
                .body("orders.id", contains(ids.get(0)));
        String tomorrow = firstCreated.plus(Duration.ofDays(2)).toString().substring(0, 10);
        store.asPlugin().queryParam("startDate", tomorrow).get("/plugins/orders").then().body("total", equalTo(0));
        String dayBefore = firstCreated.minus(Duration.ofDays(1)).toString().substring(0, 10);
        store.asPlugin().queryParam("startDate", dayBefore).get("/plugins/orders").then().body("total", equalTo(5));
    }

    @Test
    void shouldSumTotalsPerCurrencyWithTotal() {
        store.asPlugin().queryParams(Map.of("withTotal", true, "limit", 1)).get("/plugins/orders").then()
                .body("orders.size()", equalTo(1))
                .body("totals.USD", equalTo("36.00"))
                .body("totals.BRL", equalTo("24.00"));
        store.asPlugin().queryParams(Map.of("withTotal", true, "paymentStatus", "pending")).get("/plugins/orders").then()
                .body("totals.USD", equalTo("24.00"));
    }

    @Test
    void shouldRefuseBadQueriesClearly() {
        TestStore other = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        record Case(String param, Object value, int status, String message) {
        }
        for (Case c : List.of(
                new Case("limit", 101, 400, "limit must be between 1 and 100"),
                new Case("limit", 0, 400, "limit must be between 1 and 100"),
                new Case("limit", "ten", 400, "limit must be a whole number"),
                new Case("offset", -1, 400, "offset must be 0 or more"),
                new Case("paymentStatus", "paid", 400, "paymentStatus must be one or more of pending, on-hold, confirmed, failed, cancelled (comma-separated)"),
                new Case("startDate", "yesterday", 400, "startDate must be an ISO-8601 date or date-time, such as 2026-11-23 or 2026-11-23T10:00:00Z"),
                new Case("endDate", "2026-13-01", 400, "endDate must be an ISO-8601 date or date-time, such as 2026-11-23 or 2026-11-23T10:00:00Z"),
                new Case("withCount", "yes", 400, "withCount must be true or false"),
                new Case("withTotal", 1, 400, "withTotal must be true or false"),
                new Case("storeId", other.id(), 403, "storeId does not belong to this API key"))) {
            store.asPlugin().queryParam(c.param(), c.value()).get("/plugins/orders").then()
                    .statusCode(c.status()).body("message", equalTo(c.message())).body("status", equalTo("failed"));
        }
        store.asPlugin().queryParams(Map.of("startDate", "2026-11-23", "endDate", "2026-11-22")).get("/plugins/orders").then()
                .statusCode(400).body("message", equalTo("startDate must be before endDate"));
        before.assertUnchanged();
    }
}
