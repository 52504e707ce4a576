package dev.confirma.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestClockProducer;
import java.time.Duration;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merchant Orders API: making an order, reading it, and refusing bad requests as problem+json. */
@QuarkusTest
class V1OrdersTest {

    @Test
    void shouldComputeTotalsQuotesAndPaymentUrlWhenAnOrderIsCreated() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = MerchantOrders.body();
        JsonPath created = store.asMerchant().body(body).post("/v1/orders").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("CREATED"))
                .body("source", equalTo("api"))
                .body("customer_id", equalTo(body.get("customer_id")))
                .body("currency", equalTo("USD"))
                .body("items", hasSize(2))
                .body("items[0].sku", equalTo("TSHIRT-M"))
                .body("items[0].unit_price", equalTo("10"))
                .body("items[0].amount", equalTo("20"))
                .body("items[1].amount", equalTo("5.25"))
                .body("subtotal", equalTo("25.25"))
                .body("tax", equalTo("2"))
                .body("shipping_amount", equalTo("3.5"))
                .body("total", equalTo("30.75"))
                .body("metadata.channel", equalTo("phone"))
                .body("metadata.priority", equalTo(2))
                .body("shipping.address.line1", equalTo("Rua A, 1"))
                .body("shipping.address.postal_code", equalTo("50000-000"))
                .body("payment.status", equalTo("pending"))
                .body("payment.quotes.asset", hasItems("CELO", "cUSD", "USDC", "ETH"))
                .body("payment.quotes[0].payment_uri", startsWith("ethereum:"))
                .body("payment_url", startsWith("http://localhost:8080/pay/"))
                .body("timeline", hasSize(1))
                .body("timeline[0].status", equalTo("CREATED"))
                .body("timeline[0].actor", equalTo(store.apiKey().substring(0, 10)))
                .body("refunds", hasSize(0))
                .extract().jsonPath();
        String id = created.getString("id");
        given().header("x-api-key", store.apiKey()).get("/v1/orders/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("total", equalTo("30.75"));
        // the plugin API sees the same order, with its lifecycle
        store.asPlugin().get("/plugins/orders/" + id).then().statusCode(200)
                .body("orderTotal", equalTo("30.75")).body("lifecycleStatus", equalTo("CREATED"))
                .body("status", equalTo("pending")).body("deliveryInfo.city", equalTo("Recife"));
    }

    @Test
    void shouldNameEveryInvalidFieldAtOnceAndStoreNothing() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = new HashMap<>(MerchantOrders.body());
        body.put("currency", "ZZZ");
        body.put("tax", "-1");
        body.put("items", List.of(Map.of("sku", "A", "quantity", 0, "unit_price", "1"), Map.of("quantity", 1, "unit_price", "x")));
        body.put("expires_in", 5);
        body.put("shiping", "3");
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().body(body).post("/v1/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:confirma:problem:invalid_request"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", containsString("fields are invalid"))
                .body("errors.field", hasItems("currency", "tax", "items[0].quantity", "items[1].sku", "items[1].unit_price",
                        "expires_in", "shiping"))
                .body("errors", hasSize(7));
        before.assertUnchanged();
    }

    @Test
    void shouldAnswerProblemJsonForEveryErrorUnderV1() {
        TestStore store = Fixtures.createStore();
        store.asMerchant().get("/v1/orders/no-such-order").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("type", equalTo("urn:confirma:problem:not_found"));
        given().get("/v1/orders").then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        store.asMerchant().body("{not json").post("/v1/orders").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:confirma:problem:invalid_json"));
        // another store's order is not found, not forbidden: its existence is not told
        String theirs = MerchantOrders.create(Fixtures.createStore());
        store.asMerchant().get("/v1/orders/" + theirs).then().statusCode(404);
        store.asMerchant().body(Map.of()).post("/v1/orders/" + theirs + "/fulfill").then().statusCode(404);
    }

    @Test
    void shouldFilterAndPageTheStoresOrders() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> small = new HashMap<>(MerchantOrders.body());
        small.put("customer_id", "cus_small");
        small.put("items", List.of(Map.of("sku", "A", "quantity", 1, "unit_price", "1.00")));
        small.put("tax", "0");
        small.put("shipping", "0");
        String a = MerchantOrders.create(store, small);
        TestClockProducer.clock().advance(Duration.ofSeconds(1));
        String b = MerchantOrders.create(store);
        TestClockProducer.clock().advance(Duration.ofSeconds(1));
        String c = MerchantOrders.create(store);
        String between = store.asMerchant().get("/v1/orders/" + b).then().extract().path("created_at");
        MerchantOrders.create(Fixtures.createStore()); // another store's, never listed

        store.asMerchant().get("/v1/orders").then().statusCode(200)
                .body("total_count", equalTo(3)).body("has_more", equalTo(false)).body("data.id", equalTo(List.of(c, b, a)));
        store.asMerchant().queryParam("limit", 2).get("/v1/orders").then()
                .body("data.id", equalTo(List.of(c, b))).body("has_more", equalTo(true)).body("total_count", equalTo(3));
        store.asMerchant().queryParam("limit", 2).queryParam("offset", 2).get("/v1/orders").then()
                .body("data.id", equalTo(List.of(a))).body("has_more", equalTo(false));
        store.asMerchant().queryParam("customer_id", "cus_small").get("/v1/orders").then().body("data.id", equalTo(List.of(a)));
        store.asMerchant().queryParam("amount_max", "1").get("/v1/orders").then().body("data.id", equalTo(List.of(a)));
        store.asMerchant().queryParam("amount_min", "30.75").get("/v1/orders").then().body("data.id", equalTo(List.of(c, b)));
        store.asMerchant().queryParam("status", "CREATED").get("/v1/orders").then().body("total_count", equalTo(3));
        store.asMerchant().queryParam("status", "paid,shipped").get("/v1/orders").then().body("total_count", equalTo(0));
        store.asMerchant().queryParam("created_before", between).get("/v1/orders").then().body("data.id", equalTo(List.of(a)));
        store.asMerchant().queryParam("created_after", between).get("/v1/orders").then().body("data.id", equalTo(List.of(c)));
        store.asMerchant().queryParam("limit", 101).queryParam("status", "LOST").queryParam("created_after", "yesterday")
                .queryParam("colour", "red").get("/v1/orders").then().statusCode(400)
                .body("errors.field", hasItems("limit", "status", "created_after", "colour")).body("errors", hasSize(4));
        // java.time reads years the databases cannot store: refused, not a database error
        store.asMerchant().queryParam("created_before", "+999999999-12-31T00:00:00Z").queryParam("created_after", "-5000-01-01")
                .get("/v1/orders").then().statusCode(400).body("errors.field", hasItems("created_before", "created_after"));
    }

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldListAPageWithTheSameNumberOfQueriesWhateverItsSize() {
        TestStore store = Fixtures.createStore();
        for (int i = 0; i < 6; i++) {
            String id = MerchantOrders.create(store);
            store.asMerchant().body(Map.of("reason", "check")).post("/v1/orders/" + id + "/cancel").then().statusCode(200);
        }
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        store.asMerchant().queryParam("limit", 1).get("/v1/orders").then().statusCode(200).body("data", hasSize(1));
        long one = statistics.getPrepareStatementCount() - before;
        before = statistics.getPrepareStatementCount();
        store.asMerchant().queryParam("limit", 6).get("/v1/orders").then().statusCode(200).body("data", hasSize(6))
                .body("data[5].items", hasSize(2)).body("data[5].timeline", hasSize(2));
        assertEquals(one, statistics.getPrepareStatementCount() - before, "listing 6 orders took more SQL statements than listing 1");
    }

    @Test
    void shouldRefuseAStoreKeyItDoesNotKnow() {
        given().header("Authorization", "Bearer ck_notakey").get("/v1/orders").then().statusCode(401)
                .body("type", equalTo("urn:confirma:problem:unauthorized")).body("errors", nullValue()).body("detail", notNullValue());
    }
}
