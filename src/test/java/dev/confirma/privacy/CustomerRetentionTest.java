package dev.confirma.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A store's retentionDays: personal fields of orders final for that long are erased by the retention job, and only those. */
@QuarkusTest
class CustomerRetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    private static TestStore store(Object retentionDays) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Keeps " + UUID.randomUUID(),
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.randomAddress()))));
        if (retentionDays != null) {
            body.put("retentionDays", retentionDays);
        }
        return Fixtures.createStore(body);
    }

    private String order(TestStore store, LifecycleStatus status) {
        String id = MerchantOrders.create(store);
        if (status != LifecycleStatus.CREATED) {
            boolean parked = status == LifecycleStatus.HELD || status == LifecycleStatus.DISPUTED;
            MerchantOrders.force(id, status, parked ? LifecycleStatus.PAID : null, em);
        }
        return id;
    }

    @Test
    void shouldEraseOnlyOrdersFinalForLongerThanTheStoresRetention() {
        TestStore keeping = store(30);
        Fixtures.asOperator().get("/admin/stores/" + keeping.id()).then().body("retentionDays", equalTo(30));
        TestStore forever = store(null);
        Fixtures.asOperator().get("/admin/stores/" + forever.id()).then().body("retentionDays", nullValue());
        String cancelled = order(keeping, LifecycleStatus.CANCELLED);
        String delivered = order(keeping, LifecycleStatus.DELIVERED);
        String refunded = order(keeping, LifecycleStatus.REFUNDED);
        // paid and shipped, and never moved again (a plugin's orders stop at PAID): final too
        String shipped = order(keeping, LifecycleStatus.SHIPPED);
        String paid = order(keeping, LifecycleStatus.PAID);
        // waiting on the merchant, or on its payment: never final
        String held = order(keeping, LifecycleStatus.HELD);
        String disputed = order(keeping, LifecycleStatus.DISPUTED);
        String returned = order(keeping, LifecycleStatus.RETURNED);
        String open = order(keeping, LifecycleStatus.CREATED);
        String elsewhere = order(forever, LifecycleStatus.CANCELLED);

        TestClockProducer.clock().advance(Duration.ofDays(29));
        assertNull(retention.run().get(forever.id()));
        assertEquals(0, retention.run().get(keeping.id()), "29 days final is not 30");
        // 32 days: past the later of its last change and its late-payment window (expiry + 24 h), by more than 30 days
        TestClockProducer.clock().advance(Duration.ofDays(3));
        String recent = order(keeping, LifecycleStatus.CANCELLED);

        assertEquals(5, retention.run().get(keeping.id()));
        for (String id : List.of(cancelled, delivered, refunded, shipped, paid)) {
            keeping.asMerchant().get("/v1/orders/" + id).then().body("erased_at", notNullValue()).body("shipping.address", nullValue())
                    .body("metadata", nullValue()).body("total", equalTo("30.75"));
        }
        for (String id : List.of(held, disputed, returned, open, recent)) {
            keeping.asMerchant().get("/v1/orders/" + id).then().body("erased_at", nullValue()).body("shipping.address.first_name", equalTo("Ana"));
        }
        forever.asMerchant().get("/v1/orders/" + elsewhere).then().body("erased_at", nullValue());
        Fixtures.asOperator().queryParam("store_id", keeping.id()).get("/admin/audit-log").then()
                .body("data", hasSize(1))
                .body("data[0].action", equalTo("customer.retention_erase"))
                .body("data[0].actor", equalTo("system"))
                .body("data[0].subject", nullValue())
                .body("data[0].detail.retention_days", equalTo(30))
                .body("data[0].detail.orders_erased", equalTo(5));

        // a run with nothing to do writes no audit row
        assertEquals(0, retention.run().get(keeping.id()));
        Fixtures.asOperator().queryParam("store_id", keeping.id()).get("/admin/audit-log").then().body("data", hasSize(1));

        // turned off: nothing more is erased
        Fixtures.asOperator().body(new HashMap<>(java.util.Collections.singletonMap("retentionDays", null)))
                .patch("/admin/stores/" + keeping.id()).then().statusCode(200).body("retentionDays", nullValue());
        TestClockProducer.clock().advance(Duration.ofDays(60));
        assertNull(retention.run().get(keeping.id()));
        keeping.asMerchant().get("/v1/orders/" + recent).then().body("erased_at", nullValue());
    }

    @Test
    void shouldRefuseABadRetentionDaysAndChangeNothing() {
        TestStore store = store(null);
        Fixtures.asOperator().body(Map.of("retentionDays", 365)).patch("/admin/stores/" + store.id()).then().statusCode(200)
                .body("retentionDays", equalTo(365));
        DatabaseSnapshot before = DatabaseSnapshot.take();
        for (Object bad : List.<Object>of(0, -1, 3651, "30", 1.5, true, Map.of(), 4_000_000_000L)) {
            Fixtures.asOperator().body(Map.of("retentionDays", bad)).patch("/admin/stores/" + store.id()).then().statusCode(400)
                    .body("error.field", equalTo("retentionDays"));
            Fixtures.asOperator().body(Map.of("name", "x", "retentionDays", bad)).post("/admin/stores").then().statusCode(400)
                    .body("error.field", equalTo("retentionDays"));
        }
        before.assertUnchanged("a refused retentionDays");
        Fixtures.asOperator().body(Map.of("name", "Renamed")).patch("/admin/stores/" + store.id()).then().statusCode(200)
                .body("retentionDays", equalTo(365));
    }
}
