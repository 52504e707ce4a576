package dev.confirma.plugin;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin order object's fields, names and order, written out by hand (CONTRACT §3): the
 * core model may change beneath the plugin API, the object plugins read may not.
 */
@QuarkusTest
class PluginOrderObjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> ORDER = List.of("id", "ecommerceOrderId", "ecommerce", "storeId", "orderTotal",
            "orderCurrency", "paymentStatus", "status", "callbackUrl", "cancelReturnUrl", "successReturnUrl", "deliveryInfo",
            "storeMarkupPercentage", "storeDiscountPercentage", "marketRates", "quotes", "expiresAt", "transactions",
            "paymentMethod", "blockchain", "transactionHash", "convertedTotal", "amountReceived", "late", "paymentException",
            "lifecycleStatus", "createdAt", "updatedAt");

    @Test
    void shouldAnswerTheOrderObjectWithTheContractsFieldsInTheirOrder() throws Exception {
        TestStore store = Fixtures.createStore();
        JsonNode created = JSON.readTree(postCheckout(store, checkout(store)).statusCode(200).extract().asString());
        List<String> withCheckout = new ArrayList<>(ORDER);
        withCheckout.addAll(List.of("orderId", "sessionToken", "paymentUrl", "message"));
        assertEquals(withCheckout, names(created));
        assertEquals(List.of("firstName", "lastName", "email", "country", "city", "zip", "address", "complement", "state"),
                names(created.get("deliveryInfo")));
        assertEquals(List.of("protocol", "asset", "contract", "decimals", "address", "amount", "amountBaseUnits", "paymentUri"),
                names(created.get("quotes").get(0)));
        assertEquals("pending", created.get("status").asText(), "status repeats paymentStatus, as Cryptum answers");
        assertEquals("pending", created.get("paymentStatus").asText());
        assertEquals("CREATED", created.get("lifecycleStatus").asText());

        String id = created.get("id").asText();
        String hash = "0x" + "ab".repeat(32);
        JsonNode updated = JSON.readTree(store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO"))
                .put("/plugins/checkout/" + id).then().statusCode(200).extract().asString());
        assertEquals(ORDER, names(updated));
        assertEquals(List.of("protocol", "hash", "asset", "amount", "confirmations", "status"), // "note" only when one is kept
                names(updated.get("transactions").get(0)));
        assertEquals("on-hold", updated.get("paymentStatus").asText());
        assertEquals("on-hold", updated.get("status").asText());
        assertEquals(ORDER, names(JSON.readTree(store.asPlugin().get("/plugins/orders/" + id).then().statusCode(200)
                .extract().asString())));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
