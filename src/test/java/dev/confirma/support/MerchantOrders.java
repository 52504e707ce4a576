package dev.confirma.support;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.PaymentStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bodies for the merchant Orders API, and a way to put an order where a test of one transition starts. */
public final class MerchantOrders {

    private MerchantOrders() {
    }

    /** Two items (2 × 10.00 + 1 × 5.25), tax 2.00, shipping 3.50: 30.75 USD. */
    public static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("customer_id", "cus_" + java.util.UUID.randomUUID());
        body.put("currency", "USD");
        body.put("items", List.of(
                Map.of("sku", "TSHIRT-M", "quantity", 2, "unit_price", "10.00", "description", "T-shirt, medium"),
                Map.of("sku", "STICKER", "quantity", 1, "unit_price", 5.25)));
        body.put("tax", "2.00");
        body.put("shipping", "3.50");
        body.put("shipping_address", Map.of("first_name", "Ana", "last_name", "Silva", "line1", "Rua A, 1", "city", "Recife",
                "postal_code", "50000-000", "country", "BR"));
        body.put("metadata", Map.of("channel", "phone", "priority", 2));
        return body;
    }

    public static String create(Fixtures.TestStore store) {
        return create(store, body());
    }

    public static String create(Fixtures.TestStore store, Map<String, Object> body) {
        return store.asMerchant().body(body).post("/v1/orders").then().statusCode(201).extract().path("id");
    }

    /**
     * Puts the order at {@code status} (coming from {@code before} when held or disputed) with the
     * payment its status implies, as a test's starting point: paid statuses have a confirmed payment.
     */
    public static void force(String orderId, LifecycleStatus status, LifecycleStatus before, EntityManager em) {
        PaymentStatus payment = status == LifecycleStatus.CREATED ? PaymentStatus.PENDING
                : status == LifecycleStatus.CANCELLED && before == null ? PaymentStatus.CANCELLED : PaymentStatus.CONFIRMED;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE orders SET status = ?1, lifecycle_before = ?2, payment_status = ?3,"
                                + " open_ecommerce_order_id = CASE WHEN ?3 = 'PENDING' THEN ecommerce_order_id ELSE NULL END,"
                                + " version = version + 1 WHERE id = ?4")
                .setParameter(1, status.name())
                .setParameter(2, before == null ? null : before.name())
                .setParameter(3, payment.name())
                .setParameter(4, orderId)
                .executeUpdate());
    }
}
