package dev.confirma.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.common.Contention;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.fraud.FraudRuleBook;
import dev.confirma.fraud.FraudRules;
import dev.confirma.payment.OrderCurrencies;
import dev.confirma.store.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A store's fraud rules ({@code /v1/fraud/rules}): each rule that fires on a new order adds its
 * score; an order at or above {@code threshold} is held with reason {@code fraud_review} as soon
 * as it is paid. PUT replaces the rules whole; DELETE turns screening off.
 */
@Path("/v1/fraud/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.FRAUD)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1FraudRules {

    static final int MAX_SCORE = 1000;
    private static final Set<String> FIELDS = Set.of("threshold", "orders_per_email_per_hour", "orders_per_client_ip_per_hour",
            "amount_above", "countries");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,18})?");

    private final Caller caller;
    private final FraudRuleBook book;
    private final OrderCurrencies currencies;

    V1FraudRules(Caller caller, FraudRuleBook book, OrderCurrencies currencies) {
        this.caller = caller;
        this.book = book;
        this.currencies = currencies;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "FraudRules")
    public record View(boolean enabled, Integer threshold, Velocity ordersPerEmailPerHour, Velocity ordersPerClientIpPerHour,
                       Amounts amountAbove, Countries countries, Instant updatedAt) {

        static View of(Optional<FraudRuleBook.Stored> stored) {
            if (stored.isEmpty()) {
                return new View(false, null, null, null, null, null, null);
            }
            FraudRules r = stored.get().rules();
            return new View(true, r.threshold(), Velocity.of(r.perEmail()), Velocity.of(r.perClientIp()),
                    r.amountAbove() == null ? null : new Amounts(plain(r.amountAbove().limits()), r.amountAbove().score()),
                    r.countries() == null ? null : new Countries(r.countries().codes(), r.countries().score()),
                    stored.get().updatedAt());
        }

        private static Map<String, String> plain(Map<String, BigDecimal> limits) {
            Map<String, String> plain = new TreeMap<>();
            limits.forEach((currency, limit) -> plain.put(currency, limit.toPlainString()));
            return plain;
        }
    }

    @Schema(name = "FraudVelocityRule")
    public record Velocity(int max, int score) {
        static Velocity of(FraudRules.Velocity v) {
            return v == null ? null : new Velocity(v.max(), v.score());
        }
    }

    @Schema(name = "FraudAmountRule")
    public record Amounts(Map<String, String> limits, int score) {
    }

    @Schema(name = "FraudCountryRule")
    public record Countries(List<String> codes, int score) {
    }

    @GET
    @Operation(summary = "Get the fraud rules", description = "The store's rules; `enabled: false` when it has none.")
    @APIResponse(responseCode = "200", description = "The rules")
    public View get() {
        return View.of(book.of(caller.store().id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the fraud rules", description = "Replaces them whole. Each rule that fires on a new order adds its"
            + " score; an order at or above `threshold` is held (`fraud_review`) as soon as it is paid, until released,"
            + " cancelled or refunded. Rules score orders made after they are set.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.FraudRules.class),
            examples = @ExampleObject(name = "all four rules", value = V1ApiSchemas.FRAUD_RULES)))
    @APIResponse(responseCode = "200", description = "The rules as set")
    public View replace(JsonNode body) {
        String storeId = caller.store().id;
        FraudRules rules = read(body);
        // two first PUTs at once both insert the store's row: the loser is tried again, and updates it
        return View.of(Optional.of(Contention.retrying(3, () -> book.replace(storeId, rules))));
    }

    @DELETE
    @Operation(summary = "Turn fraud screening off", description = "Deletes the store's rules; new orders are not scored.")
    @APIResponse(responseCode = "204", description = "Screening is off")
    public Response remove() {
        book.remove(caller.store().id);
        return Response.noContent().build();
    }

    FraudRules read(JsonNode node) {
        JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        V1OrderRequests.unknownFields(node, "", FIELDS, errors);
        Integer threshold = wholeNumber(node.get("threshold"), "threshold", 1, MAX_SCORE, errors);
        if (threshold == null && !has(node, "threshold")) {
            errors.refuse("threshold", "threshold is required: the score, 1 to " + MAX_SCORE + ", at which a paid order is held");
        }
        FraudRules.Velocity perEmail = velocity(node.get("orders_per_email_per_hour"), "orders_per_email_per_hour", errors);
        FraudRules.Velocity perIp = velocity(node.get("orders_per_client_ip_per_hour"), "orders_per_client_ip_per_hour", errors);
        FraudRules.Amounts amounts = amounts(node.get("amount_above"), errors);
        FraudRules.Countries countries = countries(node.get("countries"), errors);
        if (errors.isEmpty() && perEmail == null && perIp == null && amounts == null && countries == null) {
            errors.refuse("threshold", "name at least one rule (orders_per_email_per_hour, orders_per_client_ip_per_hour, amount_above,"
                    + " countries); DELETE /v1/fraud/rules turns screening off");
        }
        errors.throwIfAny();
        return new FraudRules(threshold, perEmail, perIp, amounts, countries);
    }

    private static FraudRules.Velocity velocity(JsonNode value, String field, FieldErrors errors) {
        if (!object(value, field, Set.of("max", "score"), errors)) {
            return null;
        }
        Integer max = wholeNumber(value.get("max"), field + ".max", 1, 100_000, errors);
        if (!has(value, "max")) {
            errors.refuse(field + ".max", field + ".max is required: the most orders an hour before the rule fires");
        }
        Integer score = score(value, field, errors);
        return max == null || score == null ? null : new FraudRules.Velocity(max, score);
    }

    private FraudRules.Amounts amounts(JsonNode value, FieldErrors errors) {
        String field = "amount_above";
        if (!object(value, field, Set.of("limits", "score"), errors)) {
            return null;
        }
        Integer score = score(value, field, errors);
        JsonNode limits = value.get("limits");
        if (limits == null || !limits.isObject() || limits.isEmpty() || limits.size() > 50) {
            errors.refuse(field + ".limits", field + ".limits must be an object of 1 to 50 currency codes and amounts, such as {\"USD\": \"1000.00\"}");
            return null;
        }
        Map<String, BigDecimal> read = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = limits.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = field + ".limits." + entry.getKey();
            Optional<String> currency = currencies.canonical(entry.getKey());
            if (currency.isEmpty()) {
                errors.refuse(name, currencies.refusal(name, entry.getKey()));
                continue;
            }
            JsonNode given = entry.getValue();
            Optional<BigDecimal> amount = (given.isNumber() ? Optional.of(given.decimalValue())
                    : given.isTextual() && PLAIN_AMOUNT.matcher(given.textValue()).matches() ? Optional.of(new BigDecimal(given.textValue()))
                    : Optional.<BigDecimal>empty())
                    // at most 18 digits each side of the point: 1e999999999 is a number, and its plain string a gigabyte
                    .filter(limit -> limit.signum() > 0 && limit.scale() <= 18 && limit.precision() - limit.scale() <= 18);
            if (amount.isEmpty()) {
                errors.refuse(name, name + " must be an amount greater than 0, such as \"1000.00\"");
                continue;
            }
            read.put(currency.get(), amount.get());
        }
        return score == null || read.size() != limits.size() ? null : new FraudRules.Amounts(read, score);
    }

    private static FraudRules.Countries countries(JsonNode value, FieldErrors errors) {
        String field = "countries";
        if (!object(value, field, Set.of("codes", "score"), errors)) {
            return null;
        }
        Integer score = score(value, field, errors);
        JsonNode codes = value.get("codes");
        if (codes == null || !codes.isArray() || codes.isEmpty() || codes.size() > 250) {
            errors.refuse(field + ".codes", field + ".codes must be an array of 1 to 250 ISO 3166-1 alpha-2 codes, such as [\"XX\"]");
            return null;
        }
        List<String> read = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).isTextual() ? codes.get(i).textValue().trim().toUpperCase(Locale.ROOT) : "";
            if (!COUNTRY.matcher(code).matches()) {
                errors.refuse(field + ".codes[" + i + "]", field + ".codes[" + i + "] must be a two-letter country code");
            } else if (!read.contains(code)) {
                read.add(code);
            }
        }
        return score == null || read.isEmpty() ? null : new FraudRules.Countries(read, score);
    }

    private static boolean object(JsonNode value, String field, Set<String> known, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isObject()) {
            errors.refuse(field, field + " must be a JSON object");
            return false;
        }
        V1OrderRequests.unknownFields(value, field + ".", known, errors);
        return true;
    }

    private static Integer score(JsonNode rule, String field, FieldErrors errors) {
        Integer score = wholeNumber(rule.get("score"), field + ".score", 1, MAX_SCORE, errors);
        if (score == null && !has(rule, "score")) {
            errors.refuse(field + ".score", field + ".score is required: what the rule adds when it fires, 1 to " + MAX_SCORE);
        }
        return score;
    }

    private static boolean has(JsonNode node, String field) {
        return node.get(field) != null && !node.get(field).isNull();
    }

    /** A whole JSON number in range, or null (refused when present and wrong). */
    private static Integer wholeNumber(JsonNode value, String field, int min, int max, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            errors.refuse(field, field + " must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }
}
