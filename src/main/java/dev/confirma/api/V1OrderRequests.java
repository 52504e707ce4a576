package dev.confirma.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.callback.CallbackTargets;
import dev.confirma.common.ClientAddress;
import dev.confirma.common.Money;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.payment.OrderCurrencies;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code POST /v1/orders} bodies, naming every invalid field at once. */
@Singleton
class V1OrderRequests {

    static final int MAX_ITEMS = 100;
    private static final int MAX_FRACTION_DIGITS = 18;
    private static final int MAX_METADATA_KEYS = 50;
    private static final int MAX_METADATA_CHARS = 8192;
    private static final Duration MIN_EXPIRES_IN = Duration.ofMinutes(1);
    private static final Set<String> FIELDS = Set.of("customer_id", "items", "shipping_address", "metadata", "currency", "tax",
            "shipping", "callback_url", "expires_in",
            "client_ip");
    private static final Set<String> ITEM_FIELDS = Set.of("sku", "quantity", "unit_price", "description");
    private static final Set<String> ADDRESS_FIELDS = Set.of("first_name", "last_name", "email", "line1", "line2", "city",
            "state", "postal_code", "country");

    private final OrderCurrencies currencies;
    private final CallbackTargets callbackTargets;
    private final CheckoutConfig config;
    private final ObjectMapper json;

    V1OrderRequests(OrderCurrencies currencies, CallbackTargets callbackTargets, CheckoutConfig config, ObjectMapper json) {
        this.currencies = currencies;
        this.callbackTargets = callbackTargets;
        this.config = config;
        this.json = json;
    }

    NewOrder read(JsonNode node) {
        JsonRequest body = JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        unknownFields(node, "", FIELDS, errors);
        Optional<String> customerId = errors.readOptional(() -> body.optionalText("customer_id", 128));
        List<NewOrder.Item> items = items(body, node.get("items"), errors);
        Optional<NewOrder.Address> address = errors.readOptional(() -> body.has("shipping_address")
                ? Optional.of(body.requiredObject("shipping_address")) : Optional.<JsonRequest>empty())
                .map(a -> address(a, node.get("shipping_address"), errors));
        Optional<String> metadata = metadata(node.get("metadata"), errors);
        Optional<String> currency = errors.read(() -> body.requiredText("currency", 16)).flatMap(value -> {
            Optional<String> known = currencies.canonical(value);
            if (known.isEmpty()) {
                errors.refuse("currency", currencies.refusal("currency", value));
            }
            return known;
        });
        BigDecimal tax = amount(body, "tax", errors);
        BigDecimal shipping = amount(body, "shipping", errors);
        Optional<String> callbackUrl = errors.readOptional(() -> body.optionalHttpUrl("callback_url")
                .map(url -> callbackTargets.requirePublic(url, "callback_url")));
        Duration expiresIn = expiresIn(node.get("expires_in"), errors);
        Optional<String> clientIp = errors.readOptional(() -> body.optionalText("client_ip", 64)).flatMap(ip -> {
            Optional<String> canonical = ClientAddress.canonical(ip);
            if (canonical.isEmpty()) {
                errors.refuse("client_ip", "client_ip must be an IPv4 or IPv6 address, such as 203.0.113.7");
            }
            return canonical;
        });
        if (errors.isEmpty()) {
            BigDecimal total = items.stream().map(NewOrder.Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add).add(tax).add(shipping);
            if (total.signum() <= 0) {
                errors.refuse("items", "the order's total (items, tax and shipping) must be greater than 0");
            } else if (total.compareTo(config.maxOrderTotal()) > 0) {
                errors.refuse("items", "the order's total must be at most " + config.maxOrderTotal().toPlainString()
                        + " (confirma.checkout.max-order-total)");
            }
        }
        errors.throwIfAny();
        return new NewOrder(customerId, items, address, metadata, currency.orElseThrow(), tax, shipping, callbackUrl, expiresIn,
                clientIp);
    }

    private static List<NewOrder.Item> items(JsonRequest body, JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull() || node.isArray() && node.isEmpty()) {
            errors.refuse("items", "items is required: at least one item, each with sku, quantity and unit_price");
            return List.of();
        }
        Optional<List<JsonRequest>> lines = errors.readOptional(() -> body.optionalObjects("items"));
        if (lines.isEmpty()) {
            return List.of(); // refused, and said why
        }
        if (lines.get().size() > MAX_ITEMS) {
            errors.refuse("items", "items may hold at most " + MAX_ITEMS + " lines");
            return List.of();
        }
        List<NewOrder.Item> items = new ArrayList<>();
        for (int i = 0; i < lines.get().size(); i++) {
            JsonRequest line = lines.get().get(i);
            unknownFields(node.get(i), "items[" + i + "].", ITEM_FIELDS, errors);
            Optional<String> sku = errors.read(() -> line.requiredText("sku", 128));
            Optional<Integer> quantity = quantity(node.get(i).get("quantity"), line.name("quantity"), errors);
            Optional<BigDecimal> unitPrice = errors.read(() -> line.requiredDecimal("unit_price")).flatMap(price -> {
                if (price.signum() < 0 || Money.significantScale(price) > MAX_FRACTION_DIGITS) {
                    errors.refuse(line.name("unit_price"), line.name("unit_price") + " must be 0 or more, with at most "
                            + MAX_FRACTION_DIGITS + " decimal places");
                    return Optional.empty();
                }
                return Optional.of(price);
            });
            Optional<String> description = errors.readOptional(() -> line.optionalText("description", 500));
            if (sku.isPresent() && quantity.isPresent() && unitPrice.isPresent()) {
                items.add(new NewOrder.Item(sku.get(), quantity.get(), unitPrice.get(), description));
            }
        }
        return items;
    }

    private static Optional<Integer> quantity(JsonNode value, String field, FieldErrors errors) {
        if (value == null || value.isNull()) {
            errors.refuse(field, field + " is required");
        } else if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 1_000_000) {
            errors.refuse(field, field + " must be a whole number from 1 to 1000000");
        } else {
            return Optional.of(value.intValue());
        }
        return Optional.empty();
    }

    private static NewOrder.Address address(JsonRequest a, JsonNode node, FieldErrors errors) {
        unknownFields(node, "shipping_address.", ADDRESS_FIELDS, errors);
        return new NewOrder.Address(
                errors.readOptional(() -> a.optionalText("first_name", 200)),
                errors.readOptional(() -> a.optionalText("last_name", 200)),
                errors.readOptional(() -> a.optionalText("email", 254)),
                errors.readOptional(() -> a.optionalText("line1", 500)),
                errors.readOptional(() -> a.optionalText("line2", 500)),
                errors.readOptional(() -> a.optionalText("city", 200)),
                errors.readOptional(() -> a.optionalText("state", 200)),
                errors.readOptional(() -> a.optionalText("postal_code", 32)),
                errors.readOptional(() -> a.optionalText("country", 64)).flatMap(country -> {
                    // ISO 3166-1 alpha-2, as Stripe's and WooCommerce's addresses: the fraud rules compare codes
                    String code = country.toUpperCase(java.util.Locale.ROOT);
                    if (!code.matches("[A-Z]{2}")) {
                        errors.refuse("shipping_address.country", "shipping_address.country must be a two-letter ISO 3166-1 code, such as BR");
                        return Optional.empty();
                    }
                    return Optional.of(code);
                }));
    }

    private Optional<String> metadata(JsonNode value, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            errors.refuse("metadata", "metadata must be a JSON object of keys and values");
            return Optional.empty();
        }
        if (value.size() > MAX_METADATA_KEYS) {
            errors.refuse("metadata", "metadata may hold at most " + MAX_METADATA_KEYS + " keys");
            return Optional.empty();
        }
        try {
            String text = json.writeValueAsString(value);
            if (text.length() > MAX_METADATA_CHARS) {
                errors.refuse("metadata", "metadata must be at most " + MAX_METADATA_CHARS + " characters as JSON");
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON object could not be written back", e);
        }
    }

    private static BigDecimal amount(JsonRequest body, String field, FieldErrors errors) {
        return errors.readOptional(() -> body.optionalDecimal(field)).flatMap(value -> {
            if (value.signum() < 0 || Money.significantScale(value) > MAX_FRACTION_DIGITS) {
                errors.refuse(field, field + " must be 0 or more, with at most " + MAX_FRACTION_DIGITS + " decimal places");
                return Optional.empty();
            }
            return Optional.of(value);
        }).orElse(BigDecimal.ZERO);
    }

    private Duration expiresIn(JsonNode value, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return config.expiry();
        }
        long max = config.maxExpiresIn().toSeconds();
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < MIN_EXPIRES_IN.toSeconds()
                || value.longValue() > max) {
            errors.refuse("expires_in", "expires_in must be a whole number of seconds from " + MIN_EXPIRES_IN.toSeconds() + " to " + max
                    + " (confirma.checkout.max-expires-in)");
            return config.expiry();
        }
        return Duration.ofSeconds(value.longValue());
    }

    /** A field the API does not know is refused, not ignored: a misspelt {@code shiping} would lose money. */
    static void unknownFields(JsonNode node, String prefix, Set<String> known, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.refuse(prefix + name, prefix + name + " is not a field of this request");
            }
        }
    }
}
