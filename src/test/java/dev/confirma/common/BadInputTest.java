package dev.confirma.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.RawHttp;
import dev.confirma.support.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a generated-input run found reaching a 500 or the database: each answers a 4xx in the
 * contract's shape, naming the field, and stores nothing.
 */
@QuarkusTest
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "__raw__";

    private TestStore store;
    private String orderId;
    private String sessionToken;
    private DatabaseSnapshot before;

    @BeforeEach
    void storeOrderAndSnapshot() {
        store = Fixtures.createStore();
        var created = Fixtures.postCheckout(store, Fixtures.checkout(store)).statusCode(200).extract().jsonPath();
        orderId = created.getString("id");
        sessionToken = created.getString("sessionToken");
        before = DatabaseSnapshot.take();
    }

    /** Every endpoint that reads a JSON body, with its credentials. */
    private List<Endpoint> jsonEndpoints() {
        Map<String, String> operator = Map.of("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN, "Content-Type", "application/json");
        Map<String, String> plugin = Map.of("x-api-key", store.apiKey(), "Content-Type", "application/json");
        return List.of(
                new Endpoint("POST", "/admin/stores", operator),
                new Endpoint("PATCH", "/admin/stores/" + store.id(), operator),
                new Endpoint("POST", "/plugins/stores/verification", plugin),
                new Endpoint("POST", "/plugins/orders/checkout", plugin),
                new Endpoint("PUT", "/plugins/checkout/" + orderId, plugin),
                new Endpoint("PUT", "/plugins/checkout/" + orderId + "?sessionToken=" + sessionToken,
                        Map.of("Content-Type", "application/json")));
    }

    record Endpoint(String method, String path, Map<String, String> headers) {
        Answer send(String body) {
            return RawHttp.send(method, path, headers, body);
        }
    }

    @Test
    void shouldRefuseAHugeExponentOnEveryJsonEndpointNamingTheField() {
        for (Endpoint endpoint : jsonEndpoints()) {
            for (String number : List.of("1e2147483648", "1e-2147483649", "1e101", "-1E-101")) {
                Answer answer = endpoint.send("{\"x\":" + number + "}");
                assertRefused(answer, 400, "invalid_field", "x");
                assertTrue(answer.json().getString("message").startsWith("x is out of range"), answer.body());
            }
        }
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseAnOrderTotalPastOneHundredZerosOrDecimalsAsOutOfRange() {
        assertRefused(checkout(Map.of("orderTotal", "1e101")), 400, "invalid_field", "orderTotal");
        assertRefused(checkout(Map.of("orderTotal", "1e-101")), 400, "invalid_field", "orderTotal");
        // 1e-100 is read, and then refused by the checkout's own rule
        Answer precise = checkout(Map.of("orderTotal", "1e-100"));
        assertRefused(precise, 400, "invalid_field", "orderTotal");
        assertEquals("orderTotal may have at most 18 decimal places", precise.json().getString("message"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseDataAfterTheJsonValueInsteadOfUsingTheFirstObject() {
        String valid = json(Fixtures.checkout(store));
        for (String trailing : List.of("xyz", valid, "[]", "1", "\"more\"")) {
            Answer answer = sendCheckout(valid + trailing, "application/json");
            assertRefused(answer, 400, "invalid_json", null);
        }
        assertEquals("Request body must be one JSON value, but more follows it (line 1, column " + (valid.length() + 1) + ")",
                sendCheckout(valid + valid, "application/json").json().getString("message"));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseABodyWithoutContentTypeOrWithAWildcardWith415() {
        String valid = json(Fixtures.checkout(store));
        assertRefused(RawHttp.send("POST", "/plugins/orders/checkout", Map.of("x-api-key", store.apiKey()), valid),
                415, "unsupported_media_type", null);
        for (String type : List.of("*/*", "application/*", "application/json; charset=ISO-8859-1")) {
            assertRefused(sendCheckout(valid, type), 415, "unsupported_media_type", null);
        }
        assertRefused(RawHttp.send("PATCH", "/admin/stores/" + store.id(),
                Map.of("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN), "{\"name\":\"Renamed\"}"), 415, "unsupported_media_type", null);
        before.assertUnchanged();

        assertEquals(200, sendCheckout(valid, "application/json; charset=UTF-8").status(), "a concrete JSON type is read");
    }

    @Test
    void shouldReadABodyAfterAByteOrderMark() {
        byte[] text = json(Fixtures.checkout(store)).getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        Answer answer = RawHttp.send("POST", "/plugins/orders/checkout",
                Map.of("x-api-key", store.apiKey(), "Content-Type", "application/json"), marked);
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void shouldRefuseLoneSurrogatesNamingTheField() {
        for (String text : List.of("\"\\ud800\"", "\"Ana\\udc00\"", "\"\\ude00\\ud83d\"")) {
            Answer answer = checkoutWithDelivery("firstName", text);
            assertRefused(answer, 400, "invalid_field", "deliveryInfo.firstName");
            assertTrue(answer.json().getString("message").contains("lone UTF-16 surrogate"), answer.body());
        }
        before.assertUnchanged();

        assertEquals(200, checkoutWithDelivery("firstName", "\"Ana \\ud83d\\ude00\"").status(), "a surrogate pair is one character");
    }

    @Test
    void shouldRefuseNulAndOtherControlCharactersWhereverTheyAre() {
        for (String control : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009f")) {
            Answer answer = checkoutWithDelivery("firstName", "\"Ana" + control + "\"");
            assertRefused(answer, 400, "invalid_field", "deliveryInfo.firstName");
            assertTrue(answer.json().getString("message").contains("control character"), answer.body());
        }
        assertRefused(checkoutWithDelivery("extra", "{\"notes\":[\"ok\",\"\\u0000\"]}"), 400, "invalid_field", "deliveryInfo.extra.notes[1]");
        assertRefused(sendCheckout("{\"na\\u0000me\":1}", "application/json"), 400, "invalid_field", "na\\u0000me");
        before.assertUnchanged();
    }

    @Test
    void shouldKeepLineBreaksAndTabsInFreeText() {
        Answer answer = checkoutWithDelivery("address", "\"Rua A, 1\\nApto 2\\tfundos\"");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Rua A, 1\nApto 2\tfundos", answer.json().getString("deliveryInfo.address"));
    }

    @Test
    void shouldRefuseOverlongAndOtherInvalidUtf8NamingTheField() {
        List<byte[]> broken = List.of(
                new byte[] {(byte) 0xC0, (byte) 0xBC},                 // overlong "<"
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xBC},    // overlong "<" in three bytes
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},    // a surrogate encoded as UTF-8 (CESU-8)
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82});                // truncated
        for (byte[] bytes : broken) {
            Answer answer = RawHttp.send("POST", "/plugins/orders/checkout",
                    Map.of("x-api-key", store.apiKey(), "Content-Type", "application/json"), checkoutBytesWithFirstName(bytes));
            assertRefused(answer, 400, "invalid_encoding", "deliveryInfo.firstName");
            assertTrue(answer.json().getString("message").startsWith("Request body is not valid UTF-8 at byte "), answer.body());
        }
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseAnEndDateOutOfRange() {
        Map<String, String> key = Map.of("x-api-key", store.apiKey());
        assertRefused(RawHttp.send("GET", "/plugins/orders?endDate=%2B999999999-12-31", key, (byte[]) null), 400, "invalid_field", "endDate");
        assertRefused(RawHttp.send("GET", "/plugins/orders?endDate=-999999999-01-01", key, (byte[]) null), 400, "invalid_field", "endDate");
        assertRefused(RawHttp.send("GET", "/plugins/orders?startDate=%2B10000-01-01T00:00:00Z", key, (byte[]) null), 400, "invalid_field", "startDate");
        assertEquals("endDate must be between 0001-01-01 and 9999-12-31",
                RawHttp.send("GET", "/plugins/orders?endDate=%2B999999999-12-31", key, (byte[]) null).json().getString("message"));
        assertEquals(200, RawHttp.send("GET", "/plugins/orders?startDate=0001-01-01&endDate=9999-12-31", key, (byte[]) null).status());
        assertEquals(200, RawHttp.send("GET", "/plugins/orders?startDate=0001-01-01T00:00:00%2B18:00&endDate=9999-12-31T23:59:59-18:00",
                key, (byte[]) null).status());
    }

    @Test
    void shouldAnswer401ToAnAnonymousPutBeforeReadingItsBody() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        assertRefused(RawHttp.send("PUT", "/plugins/checkout/" + orderId, json, "{not json"), 401, "unauthorized", null);
        assertRefused(RawHttp.send("PUT", "/plugins/checkout/" + orderId, Map.of(), "{not json"), 401, "unauthorized", null);
        assertRefused(RawHttp.send("PUT", "/plugins/checkout/" + orderId + "?sessionToken=forged", json, "{not json"),
                401, "unauthorized", null);
        assertRefused(RawHttp.send("PUT", "/plugins/checkout/" + orderId, Map.of("Content-Type", "application/json",
                "x-api-key", "ck_wrong"), "{not json"), 401, "unauthorized", null);
        before.assertUnchanged();

        assertRefused(RawHttp.send("PUT", "/plugins/checkout/" + orderId + "?sessionToken=" + sessionToken, json, "{not json"),
                400, "invalid_json", null);
    }

    @Test
    void shouldRefuseControlCharactersInThePathAndQuery() {
        Map<String, String> key = Map.of("x-api-key", store.apiKey());
        assertRefused(RawHttp.send("GET", "/plugins/orders/%00", key, (byte[]) null), 400, "invalid_path", null);
        assertRefused(RawHttp.send("GET", "/plugins/orders?paymentStatus=pending%00", key, (byte[]) null), 400, "invalid_field", "paymentStatus");
        assertRefused(RawHttp.send("GET", "/public/orders/" + orderId + "?sessionToken=%ED%A0%80%00", Map.of(), (byte[]) null),
                400, "invalid_field", "sessionToken");
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseABodyNestedDeeperThan32Levels() {
        String deep = "{\"a\":".repeat(33) + "1" + "}".repeat(33);
        Answer answer = sendCheckout(deep, "application/json");
        assertRefused(answer, 400, "invalid_json", "a".concat(".a".repeat(31)));
        assertTrue(answer.json().getString("message").contains("nesting depth (33) exceeds the maximum allowed (32)"), answer.body());
        before.assertUnchanged();
    }

    private static void assertRefused(Answer answer, int status, String code, String field) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        var body = answer.json();
        assertEquals("failed", body.getString("status"), answer.body());
        assertEquals(code, body.getString("error.code"), answer.body());
        assertEquals(body.getString("message"), body.getString("error.message"), answer.body());
        assertEquals(field, body.getString("error.field"), answer.body());
    }

    private Answer sendCheckout(String body, String contentType) {
        return RawHttp.send("POST", "/plugins/orders/checkout", Map.of("x-api-key", store.apiKey(), "Content-Type", contentType), body);
    }

    /** A valid checkout whose fields in {@code raw} are replaced by the given JSON text. */
    private Answer checkout(Map<String, String> raw) {
        Map<String, Object> body = Fixtures.checkout(store);
        raw.keySet().forEach(field -> body.put(field, MARK + field));
        String text = json(body);
        for (var field : raw.entrySet()) {
            text = text.replace("\"" + MARK + field.getKey() + "\"", field.getValue());
        }
        return sendCheckout(text, "application/json");
    }

    private Answer checkoutWithDelivery(String field, String rawJson) {
        return sendCheckout(checkoutText(field).replace("\"" + MARK + "\"", rawJson), "application/json");
    }

    private byte[] checkoutBytesWithFirstName(byte[] inside) {
        String[] around = checkoutText("firstName").split(MARK);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("Ana".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(inside);
        bytes.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private String checkoutText(String deliveryField) {
        Map<String, Object> body = Fixtures.checkout(store);
        Map<String, Object> delivery = new HashMap<>((Map<String, Object>) body.get("deliveryInfo"));
        delivery.put(deliveryField, MARK);
        body.put("deliveryInfo", delivery);
        return json(body);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
