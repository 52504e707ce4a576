package dev.confirma.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confirma.common.error.ApiException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON object from a request, read field by field with errors that name the field
 * (nested fields as {@code deliveryInfo.email}). Unknown fields are ignored.
 */
public final class JsonRequest {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final ObjectNode node;
    private final String path;

    private JsonRequest(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body, which must be a JSON object. */
    public static JsonRequest body(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ApiException.badRequest("missing_body", "Request body is required: a JSON object");
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_json", "Request body must be a JSON object");
        }
        return new JsonRequest((ObjectNode) body, "");
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String name(String field) {
        return path + field;
    }

    public JsonRequest requiredObject(String field) {
        JsonNode value = present(field).orElseThrow(() -> ApiException.missingField(name(field)));
        if (!value.isObject()) {
            throw ApiException.invalidField(name(field), name(field) + " must be a JSON object");
        }
        return new JsonRequest((ObjectNode) value, name(field) + ".");
    }

    /** A required string; blank counts as missing. Surrounding white space is trimmed. */
    public String requiredText(String field, int maxLength) {
        return optionalText(field, maxLength).orElseThrow(() -> ApiException.missingField(name(field)));
    }

    public Optional<String> optionalText(String field, int maxLength) {
        Optional<JsonNode> value = present(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isTextual()) {
            throw ApiException.invalidField(name(field), name(field) + " must be a string");
        }
        String text = value.get().textValue().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            throw ApiException.invalidField(name(field), name(field) + " must be at most " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** A string or a JSON integer, as text (shops send order numbers either way). */
    public String requiredTextOrInteger(String field, int maxLength) {
        JsonNode value = present(field).orElseThrow(() -> ApiException.missingField(name(field)));
        if (value.isIntegralNumber()) {
            String digits = value.bigIntegerValue().toString();
            if (digits.length() > maxLength) {
                throw ApiException.invalidField(name(field), name(field) + " must be at most " + maxLength + " characters");
            }
            return digits;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidField(name(field), name(field) + " must be a string or an integer");
        }
        return requiredText(field, maxLength);
    }

    /**
     * A decimal given as a JSON number or a string, parsed exactly: JSON numbers are read as
     * {@link BigDecimal} (never through double), strings must be plain decimals like "12.50".
     */
    public Optional<BigDecimal> optionalDecimal(String field) {
        Optional<JsonNode> value = present(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = value.get();
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual()) {
            String text = v.textValue().trim();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (text.length() <= 80 && PLAIN_DECIMAL.matcher(text).matches()) {
                return Optional.of(new BigDecimal(text));
            }
        }
        throw ApiException.invalidField(name(field), name(field) + " must be a decimal number, such as 12.50");
    }

    /** An absolute http or https URL, at most 2048 characters. */
    public Optional<String> optionalHttpUrl(String field) {
        return optionalText(field, 2048).map(value -> {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // reported below, with the field name
            }
            throw ApiException.invalidField(name(field), name(field) + " must be an absolute http or https URL");
        });
    }

    public String requiredHttpUrl(String field) {
        return optionalHttpUrl(field).orElseThrow(() -> ApiException.missingField(name(field)));
    }

    public BigDecimal requiredDecimal(String field) {
        return optionalDecimal(field).orElseThrow(() -> ApiException.missingField(name(field)));
    }

    /** Each element of an array of objects, or an empty list when the field is absent. */
    public Optional<List<JsonRequest>> optionalObjects(String field) {
        Optional<JsonNode> value = present(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray()) {
            throw ApiException.invalidField(name(field), name(field) + " must be an array");
        }
        List<JsonRequest> items = new ArrayList<>();
        for (int i = 0; i < value.get().size(); i++) {
            JsonNode item = value.get().get(i);
            String itemName = name(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw ApiException.invalidField(itemName, itemName + " must be a JSON object");
            }
            items.add(new JsonRequest((ObjectNode) item, itemName + "."));
        }
        return Optional.of(items);
    }

    public Optional<List<String>> optionalTexts(String field) {
        Optional<JsonNode> value = present(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray()) {
            throw ApiException.invalidField(name(field), name(field) + " must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.get()) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw ApiException.invalidField(name(field), name(field) + " must be an array of strings");
            }
            items.add(item.textValue().trim());
        }
        return Optional.of(items);
    }

    private Optional<JsonNode> present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
