package dev.confirma.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Personal values erased from stored JSON by key name, in any spelling, anywhere in the tree. */
class PersonalFieldsTest {

    private final Pseudonyms pseudonyms = Pseudonyms.withKey("a test key of 32 bytes, no more.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final PersonalFields fields = new PersonalFields("store-1", pseudonyms);

    @Test
    void shouldEraseByKeyNameAnywhereAndPseudonymiseTheCustomerId() {
        String body = "{\"orderId\":\"o1\",\"deliveryInfo\":{\"email\":\"a@b.c\"},\"data\":{\"order\":{\"customer_id\":\"c1\","
                + "\"shipping\":{\"address\":{\"first_name\":\"Ana\"},\"carrier\":\"UPS\"},\"Last-Name\":\"Lima\",\"total\":\"1.00\","
                + "\"quotes\":[{\"address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"}]}}}";
        assertEquals("{\"orderId\":\"o1\",\"deliveryInfo\":null,\"data\":{\"order\":{\"customer_id\":\"" + pseudonyms.of("store-1", "c1")
                + "\",\"shipping\":{\"address\":null,\"carrier\":\"UPS\"},\"Last-Name\":null,\"total\":\"1.00\","
                + "\"quotes\":[{\"address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"}]}}}", fields.scrubAll(body));
    }

    @Test
    void shouldEraseOnlyTheNamedOrderInAnAnswerListingSeveral() {
        String answer = "{\"results\":[{\"result\":{\"id\":\"o1\",\"metadata\":{\"k\":1}}},{\"result\":{\"id\":\"o2\",\"metadata\":{\"k\":2}}}]}";
        assertEquals("{\"results\":[{\"result\":{\"id\":\"o1\",\"metadata\":null}},{\"result\":{\"id\":\"o2\",\"metadata\":{\"k\":2}}}]}",
                fields.scrubOrder(answer, "o1"));
    }

    @Test
    void shouldLeaveATextWithoutPersonalValuesAsItIs() {
        String body = "{\"orderId\":\"o1\",\"paymentStatus\":\"confirmed\",\"transactions\":[{\"protocol\":\"CELO\",\"hash\":\"0xab\"}]}";
        assertSame(body, fields.scrubAll(body));
        assertEquals(pseudonyms.of("s", "c"), pseudonyms.of("s", pseudonyms.of("s", "c")));
        // keyed: the store id and a customer number are not enough to find the pseudonym again
        org.junit.jupiter.api.Assertions.assertNotEquals("erased_" + dev.confirma.common.Secrets.sha256Hex("s:c").substring(0, 32),
                pseudonyms.of("s", "c"));
    }
}
