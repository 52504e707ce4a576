package dev.confirma.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Erases personal values from a stored JSON text by key name, wherever the keys appear in the
 * tree (a Cryptum callback, a webhook's {@code data.order}, a stored API answer): names, email,
 * address lines, city, state, zip, country, phone, IP, metadata and whole delivery blocks become
 * null; a customer id becomes its {@link Pseudonyms pseudonym}. Keys match in any spelling
 * ({@code first_name}, {@code firstName}). Chain addresses (0x and 40 hex digits) are books, not
 * a person's address, and stay.
 */
public final class PersonalFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Spellings without case, '_' or '-'. */
    static final Set<String> ERASED = Set.of("firstname", "lastname", "fullname", "email", "phone", "address", "line1", "line2",
            "complement", "city", "state", "zip", "postalcode", "country", "metadata", "ip", "ipaddress", "clientip", "shopperip",
            "deliveryinfo", "shippingaddress", "billingaddress", "trackingnumber");
    static final String CUSTOMER_ID = "customerid";
    private static final Set<String> ORDER_ID = Set.of("id", "orderid");
    private static final Pattern CHAIN_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final String storeId;
    private final Pseudonyms pseudonyms;

    public PersonalFields(String storeId, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.storeId = storeId;
    }

    /** The text with every personal value of the whole tree erased (a body that is about one order only). */
    public String scrubAll(String json) {
        JsonNode tree = read(json);
        return scrub(tree) ? write(tree) : json;
    }

    /**
     * The text with personal values erased inside the objects that are order {@code orderId}
     * (an {@code id} or {@code orderId} equal to it): a stored answer may list other orders too.
     */
    public String scrubOrder(String json, String orderId) {
        JsonNode tree = read(json);
        return scrubWithin(tree, orderId) ? write(tree) : json;
    }

    private boolean scrubWithin(JsonNode node, String orderId) {
        if (node.isObject() && namesOrder((ObjectNode) node, orderId)) {
            return scrub(node);
        }
        boolean changed = false;
        for (JsonNode child : node) {
            changed |= scrubWithin(child, orderId);
        }
        return changed;
    }

    private static boolean namesOrder(ObjectNode node, String orderId) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (ORDER_ID.contains(normal(field.getKey())) && field.getValue().isTextual() && field.getValue().textValue().equals(orderId)) {
                return true;
            }
        }
        return false;
    }

    private boolean scrub(JsonNode node) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                String key = normal(name);
                if (key.equals(CUSTOMER_ID) && value.isTextual()) {
                    String pseudonym = pseudonyms.of(storeId, value.textValue());
                    if (!pseudonym.equals(value.textValue())) {
                        object.set(name, TextNode.valueOf(pseudonym));
                        changed = true;
                    }
                } else if (ERASED.contains(key) && !value.isNull() && !isChainAddress(value)) {
                    object.set(name, NullNode.getInstance());
                    changed = true;
                } else {
                    changed |= scrub(value);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                changed |= scrub(item);
            }
        }
        return changed;
    }

    private static boolean isChainAddress(JsonNode value) {
        return value.isTextual() && CHAIN_ADDRESS.matcher(value.textValue()).matches();
    }

    private static String normal(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // every stored body is JSON Confirma wrote; one that is not cannot be scrubbed, and must not be kept unscrubbed silently
            throw new IllegalStateException("a stored body is not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
