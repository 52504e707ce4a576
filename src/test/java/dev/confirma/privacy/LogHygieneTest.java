package dev.confirma.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.common.Secrets;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.LogCapture;
import dev.confirma.support.MerchantOrders;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Confirma never logs a shopper's personal fields: not at checkout, not when refusing one, not when exporting or erasing. */
@QuarkusTest
class LogHygieneTest {

    @jakarta.inject.Inject
    dev.confirma.common.KeyedHash hashes;

    @Test
    void shouldLogNoPersonalFieldOfACheckoutItsExportOrItsErasure() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "zelia." + tag + "@example.net";
        List<String> personal = List.of(email, "Zelia" + tag, "Quintela" + tag, "Travessa " + tag, "Braga" + tag, "ZIP" + tag, "cus_" + tag);
        TestStore store = Fixtures.createStore();
        try (LogCapture log = LogCapture.everything()) {
            Map<String, Object> checkout = Fixtures.checkout(store);
            checkout.put("deliveryInfo", new HashMap<>(Map.of("firstName", personal.get(1), "lastName", personal.get(2), "email", email,
                    "country", "PT", "city", personal.get(4), "zip", personal.get(5), "address", personal.get(3))));
            Fixtures.postCheckout(store, checkout).statusCode(200);
            Map<String, Object> refused = new HashMap<>(checkout);
            refused.put("deliveryInfo", Map.of("firstName", personal.get(1), "lastName", personal.get(2), "email", "not-" + email.replace("@", "")
                    + "-an-email", "country", "PT"));
            Fixtures.postCheckout(store, refused).statusCode(400);
            Map<String, Object> order = MerchantOrders.body();
            order.put("customer_id", personal.get(6));
            order.put("shipping_address", Map.of("first_name", personal.get(1), "last_name", personal.get(2), "email", email,
                    "line1", personal.get(3), "city", personal.get(4), "postal_code", personal.get(5), "country", "PT"));
            MerchantOrders.create(store, order);
            store.asMerchant().get("/v1/customers/" + email + "/export").then().statusCode(200);
            store.asMerchant().delete("/v1/customers/" + email.toUpperCase(Locale.ROOT)).then().statusCode(200);
            store.asMerchant().delete("/v1/customers/" + personal.get(6)).then().statusCode(200);

            assertTrue(log.contains(hashes.hex(Pseudonyms.SUBJECT_KEY_NAME, email)), "the erasure is logged, by the customer's hash: " + log.messages());
            for (String value : personal) {
                for (String message : log.messages()) {
                    assertFalse(message != null && message.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                            value + " was logged: " + message);
                }
            }
        }
    }
}
