package dev.confirma.privacy;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackDelivery;
import dev.confirma.common.Secrets;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.Simultaneously;
import dev.confirma.support.TestClockProducer;
import java.time.Duration;
import java.time.Instant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /v1/customers/{id}/export and DELETE /v1/customers/{id}: every order of one customer, out or erased, audited. */
@QuarkusTest
class CustomerDataTest {

    @Inject
    EntityManager em;

    @Inject
    dev.confirma.common.KeyedHash hashes;

    /** One person's distinctive values, so a search of the whole database finds only theirs. */
    record Person(String customerId, String email, String firstName, String lastName, String street, String city, String zip,
                  String secretNote) {
        static Person fresh() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return new Person("cus_" + tag, "Mia." + tag + "@Example.org", "Mia" + tag, "Souza" + tag, "Rua " + tag + ", 7",
                    "Olinda" + tag, "Z" + tag, "note-" + tag);
        }

        List<String> values() {
            return List.of(customerId, email, email.toUpperCase(java.util.Locale.ROOT), firstName, lastName, street, city, zip,
                    secretNote);
        }

        Map<String, Object> merchantOrder(boolean withEmail) {
            Map<String, Object> body = MerchantOrders.body();
            body.put("customer_id", customerId);
            Map<String, Object> address = new HashMap<>(Map.of("first_name", firstName, "last_name", lastName, "line1", street,
                    "city", city, "postal_code", zip, "country", "BR"));
            if (withEmail) {
                address.put("email", email);
            }
            body.put("shipping_address", address);
            body.put("metadata", Map.of("note", secretNote));
            return body;
        }

        Map<String, Object> checkout(TestStore store) {
            Map<String, Object> body = Fixtures.checkout(store);
            body.put("deliveryInfo", new HashMap<>(Map.of("firstName", firstName, "lastName", lastName,
                    "email", email.toUpperCase(java.util.Locale.ROOT), "country", "PT", "city", city, "zip", zip, "address", street)));
            return body;
        }
    }

    @Test
    void shouldExportEveryOrderOfTheCustomerByIdAndByEmail() {
        TestStore store = Fixtures.createStore();
        Person ana = Person.fresh();
        String withEmail = MerchantOrders.create(store, ana.merchantOrder(true));
        String withoutEmail = MerchantOrders.create(store, ana.merchantOrder(false));
        String plugin = Fixtures.postCheckout(store, ana.checkout(store)).statusCode(200).extract().path("id");
        MerchantOrders.create(store, Person.fresh().merchantOrder(true));

        JsonPath byId = store.asMerchant().get("/v1/customers/" + ana.customerId() + "/export").then().statusCode(200)
                .body("order_count", equalTo(2))
                .body("orders.id", containsInAnyOrder(withEmail, withoutEmail))
                .body("customer.reference", equalTo(ana.customerId()))
                .body("customer.customer_ids", equalTo(List.of(ana.customerId())))
                .body("customer.emails", equalTo(List.of(ana.email())))
                .body("customer.names[0].first_name", equalTo(ana.firstName()))
                .body("customer.addresses[0].line1", equalTo(ana.street()))
                .body("exported_at", notNullValue())
                .extract().jsonPath();
        // each order in the v1 shape: items, timeline, payment and refunds with it
        assertEquals(2, byId.getList("orders[0].items").size());
        assertEquals("30.75", byId.getString("orders[0].total"));
        assertTrue(byId.getList("orders[0].timeline") != null && byId.getList("orders[0].refunds") != null);
        assertEquals(ana.secretNote(), byId.getString("orders.find { it.id == '" + withEmail + "' }.metadata.note"));

        // by email, in any case: the merchant order that gave it and the plugin order that gave it upper-cased
        store.asMerchant().get("/v1/customers/" + ana.email().toLowerCase(java.util.Locale.ROOT) + "/export").then().statusCode(200)
                .body("order_count", equalTo(2))
                .body("orders.id", containsInAnyOrder(withEmail, plugin))
                .body("customer.emails", containsInAnyOrder(ana.email(), ana.email().toUpperCase(java.util.Locale.ROOT)));

        // a read-only key may export
        String reader = Fixtures.asOperator().body(Map.of("scopes", List.of("read"))).post("/admin/stores/" + store.id() + "/api-keys")
                .then().statusCode(201).extract().path("apiKey");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + reader)
                .get("/v1/customers/" + ana.customerId() + "/export").then().statusCode(200).body("order_count", equalTo(2));
        // ... but not erase
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + reader)
                .delete("/v1/customers/" + ana.customerId()).then().statusCode(403);
    }

    @Test
    void shouldAnswer404WhenNoOrderOfTheStoreMatches() {
        TestStore store = Fixtures.createStore();
        Person ana = Person.fresh();
        MerchantOrders.create(store, ana.merchantOrder(true));
        TestStore other = Fixtures.createStore();
        other.asMerchant().get("/v1/customers/" + ana.customerId() + "/export").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        store.asMerchant().get("/v1/customers/nobody-" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    private long hashedEmails(String... orderIds) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM order_fraud_checks WHERE email_hash IS NOT NULL AND order_id IN (?1, ?2)")
                .setParameter(1, orderIds[0]).setParameter(2, orderIds[1]).getSingleResult()).longValue();
    }

    @Test
    void shouldEraseEveryPersonalValueAndKeepTheBooks() {
        TestStore store = Fixtures.createStore();
        // every order event is stored for a subscription (a closed local port: never delivered here), and screened
        store.asMerchant().body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("order.created", "order.fulfilled")))
                .post("/v1/webhooks").then().statusCode(201);
        store.asMerchant().body(Map.of("threshold", 100, "orders_per_email_per_hour", Map.of("max", 10, "score", 1)))
                .put("/v1/fraud/rules").then().statusCode(200);
        Person ana = Person.fresh();
        String kept = MerchantOrders.create(store, Person.fresh().merchantOrder(true));
        // created with an Idempotency-Key: its stored answer holds the address too
        String merchant = store.asMerchant().header("Idempotency-Key", "k-" + UUID.randomUUID()).body(ana.merchantOrder(true))
                .post("/v1/orders").then().statusCode(201).extract().path("id");
        String noEmail = MerchantOrders.create(store, ana.merchantOrder(false));
        String plugin = Fixtures.postCheckout(store, ana.checkout(store)).statusCode(200).extract().path("id");
        MerchantOrders.force(merchant, LifecycleStatus.PAID, null, em);
        store.asMerchant().body(Map.of("carrier", "UPS", "tracking_number", "1Z" + ana.zip())).post("/v1/orders/" + merchant + "/fulfill")
                .then().statusCode(200);
        // a webhook body as the event subscriptions store it: the v1 order under data.order
        String webhook = "{\"id\":\"evt_1\",\"event\":\"order.fulfilled\",\"data\":{\"order\":{\"id\":\"" + merchant
                + "\",\"customer_id\":\"" + ana.customerId() + "\",\"total\":\"30.75\",\"metadata\":{\"note\":\"" + ana.secretNote()
                + "\"},\"shipping\":{\"address\":{\"first_name\":\"" + ana.firstName() + "\",\"email\":\"" + ana.email()
                + "\",\"line1\":\"" + ana.street() + "\"},\"carrier\":\"UPS\"},\"payment\":{\"quotes\":[{\"address\":\""
                + Fixtures.CELO_WALLET + "\"}]}}},\"timestamp\":\"2025-01-01T00:00:00Z\"}";
        delivery(merchant, store.id(), webhook);
        delivery(plugin, store.id(), "{\"orderId\":\"" + plugin + "\",\"paymentStatus\":\"pending\",\"event\":\"order.created\"}");
        JsonPath before = store.asMerchant().get("/v1/orders/" + merchant).then().statusCode(200).extract().jsonPath();
        ana.values().forEach(v -> assertTrue(DatabaseSnapshot.take().contains(v), v + " is stored before the erasure"));

        assertEquals(2L, hashedEmails(merchant, plugin), "both orders were screened with the email's hash");
        later();
        store.asMerchant().delete("/v1/customers/" + ana.email()).then().statusCode(200)
                .body("orders_erased", equalTo(2))
                // the body above, and the subscription's order.created of both orders and order.fulfilled
                .body("deliveries_scrubbed", equalTo(4))
                .body("stored_answers_scrubbed", equalTo(1));
        // the order without the email is the same customer by id
        later();
        store.asMerchant().delete("/v1/customers/" + ana.customerId()).then().statusCode(200).body("orders_erased", equalTo(1));

        DatabaseSnapshot after = DatabaseSnapshot.take();
        for (String value : ana.values()) {
            assertFalse(after.contains(value), value + " is still stored somewhere");
        }
        assertFalse(after.contains(ana.email().toLowerCase(java.util.Locale.ROOT)));
        assertFalse(after.contains("1Z" + ana.zip()));
        // the fraud screening's hash of the email is personal data too
        assertEquals(0L, hashedEmails(merchant, plugin), "the screening's email hashes are erased");
        assertEquals(3L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM order_fraud_checks WHERE order_id IN (?1, ?2, ?3)")
                .setParameter(1, merchant).setParameter(2, plugin).setParameter(3, noEmail).getSingleResult()).longValue(),
                "the screening itself is kept");
        assertTrue(after.contains(Fixtures.CELO_WALLET), "a chain address is books, not a person's address");

        JsonPath now = store.asMerchant().get("/v1/orders/" + merchant).then().statusCode(200)
                .body("erased_at", notNullValue())
                .body("shipping.address", nullValue())
                .body("shipping.carrier", equalTo("UPS"))
                .body("metadata", nullValue())
                .extract().jsonPath();
        for (String kept1 : List.of("total", "subtotal", "tax", "currency", "status", "payment.status", "items", "timeline", "created_at",
                "payment.quotes")) {
            assertEquals(before.getString(kept1), now.getString(kept1), kept1 + " is kept for the books");
        }
        String pseudonym = now.getString("customer_id");
        assertTrue(pseudonym.startsWith("erased_"));
        // the books still group the customer's orders under one pseudonym
        store.asMerchant().get("/v1/orders/" + noEmail).then().body("customer_id", equalTo(pseudonym));
        later();
        store.asMerchant().get("/v1/customers/" + pseudonym + "/export").then().statusCode(200).body("order_count", equalTo(2))
                .body("customer.emails", hasSize(0));
        store.asPlugin().get("/plugins/orders/" + plugin).then().statusCode(200).body("deliveryInfo", nullValue())
                .body("orderTotal", notNullValue());
        // an erased order ships without bringing personal data back
        store.asMerchant().body(Map.of("tracking_number", "1Z-NEW")).post("/v1/orders/" + merchant + "/ship").then().statusCode(409)
                .body("type", equalTo("urn:confirma:problem:order_erased"));
        store.asMerchant().body(Map.of("carrier", "UPS")).post("/v1/orders/" + merchant + "/ship").then().statusCode(200)
                .body("status", equalTo("SHIPPED"));
        // another customer of the store is untouched
        store.asMerchant().get("/v1/orders/" + kept).then().body("erased_at", nullValue()).body("shipping.address.first_name", notNullValue());

        // again: nothing matches any more, nothing changes
        later();
        store.asMerchant().delete("/v1/customers/" + ana.email()).then().statusCode(200).body("orders_erased", equalTo(0))
                .body("deliveries_scrubbed", equalTo(0));

        // the audit log: who, when, what, about whom (a hash), counts
        Fixtures.asOperator().queryParam("store_id", store.id()).get("/admin/audit-log").then().statusCode(200)
                .body("data", hasSize(4))
                .body("total_count", equalTo(4))
                .body("data.action", equalTo(List.of("customer.erase", "customer.export", "customer.erase", "customer.erase")))
                .body("data[0].detail.orders_erased", equalTo(0))
                .body("data[1].detail.orders_exported", equalTo(2))
                .body("data[2].detail.orders_erased", equalTo(1))
                .body("data[2].subject", equalTo(hashes.hex(Pseudonyms.SUBJECT_KEY_NAME, ana.customerId())))
                .body("data[3].subject", equalTo(hashes.hex(Pseudonyms.SUBJECT_KEY_NAME, ana.email().toLowerCase(java.util.Locale.ROOT))))
                .body("data[3].detail.deliveries_scrubbed", equalTo(4))
                .body("data[3].store_id", equalTo(store.id()))
                .body("data[3].at", notNullValue())
                .body("data[3].actor", equalTo(store.apiKey().substring(0, 10)));
    }

    @Test
    void shouldKeepBothWhenAnEraseRacesAStatusChange() throws Exception {
        TestStore store = Fixtures.createStore();
        for (int round = 0; round < 4; round++) {
            Person ana = Person.fresh();
            String id = MerchantOrders.create(store, ana.merchantOrder(true));
            MerchantOrders.force(id, LifecycleStatus.PAID, null, em);
            Simultaneously.run(2, racer -> {
                if (racer == 0) {
                    return store.asMerchant().delete("/v1/customers/" + ana.customerId()).then().statusCode(200).extract().statusCode();
                }
                // a refused race is a 409 the merchant retries; it must never be lost silently
                for (int attempt = 0; attempt < 5; attempt++) {
                    int status = store.asMerchant().post("/v1/orders/" + id + "/fulfill").then().extract().statusCode();
                    if (status != 409) {
                        return status;
                    }
                }
                return 409;
            });
            store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("FULFILLED"))
                    .body("erased_at", notNullValue()).body("shipping.address", nullValue()).body("metadata", nullValue());
            assertFalse(DatabaseSnapshot.take().contains(ana.street()));
        }
    }

    @Test
    void shouldRefuseACustomerIdTooLongAndChangeNothing() {
        TestStore store = Fixtures.createStore();
        MerchantOrders.create(store, Person.fresh().merchantOrder(true));
        String tooLong = "c".repeat(CustomerReference.MAX_LENGTH + 1);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().delete("/v1/customers/" + tooLong).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("customer_id"));
        store.asMerchant().get("/v1/customers/" + tooLong + "/export").then().statusCode(400).body("errors[0].field", equalTo("customer_id"));
        store.asMerchant().urlEncodingEnabled(false).delete("/v1/customers/%20").then().statusCode(400).body("errors[0].field", equalTo("customer_id"));
        before.assertUnchanged("a refused customer request");
        Fixtures.asOperator().queryParam("limit", "0").get("/admin/audit-log").then().statusCode(400);
        Fixtures.asOperator().queryParam("offset", "x").get("/admin/audit-log").then().statusCode(400);
        io.restassured.RestAssured.given().get("/admin/audit-log").then().statusCode(401);
        store.asMerchant().get("/admin/audit-log").then().statusCode(401);
    }

    /** A delivered callback with its stored body, as the outbox keeps it. */
    private static void delivery(String orderId, String storeId, String body) {
        QuarkusTransaction.requiringNew().run(() -> {
            CallbackDelivery delivery = new CallbackDelivery();
            delivery.id = UUID.randomUUID().toString();
            delivery.orderId = orderId;
            delivery.storeId = storeId;
            delivery.webhookId = "msg_" + UUID.randomUUID();
            delivery.event = "order.fulfilled";
            delivery.paymentStatus = "confirmed";
            delivery.message = "m";
            delivery.url = "https://shop.example/hook";
            delivery.body = body;
            delivery.state = CallbackDelivery.State.DELIVERED;
            delivery.attemptCount = 1;
            delivery.nextAttemptAt = Instant.now();
            delivery.createdAt = Instant.now();
            delivery.persist();
            // a receiver that echoes what it was sent: its answer's first bytes hold the body's personal values too
            dev.confirma.callback.CallbackAttempt attempt = new dev.confirma.callback.CallbackAttempt();
            attempt.id = UUID.randomUUID().toString();
            attempt.deliverySeq = delivery.seq;
            attempt.attemptedAt = Instant.now();
            attempt.statusCode = 200;
            attempt.latencyMs = 5;
            attempt.responseExcerpt = "received " + body.substring(0, Math.min(body.length(), 900));
            attempt.persist();
        });
    }

    private static void later() {
        TestClockProducer.clock().advance(Duration.ofSeconds(1));
    }
}
