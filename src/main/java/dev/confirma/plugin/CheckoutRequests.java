package dev.confirma.plugin;

import dev.confirma.order.PaymentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.callback.CallbackTargets;
import dev.confirma.payment.OrderCurrencies;
import dev.confirma.common.Money;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.order.config.CheckoutConfig;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code POST /plugins/orders/checkout} bodies (CONTRACT §3) and refuses anything invalid. */
@Singleton
public class CheckoutRequests {

    static final int MAX_FRACTION_DIGITS = 18;
    private static final Pattern ECOMMERCE_TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
    // Deliberately loose: one @, something on each side, a dot in the domain. Mail servers decide the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final OrderCurrencies currencies;
    private final CheckoutConfig config;
    private final CallbackTargets callbackTargets;

    CheckoutRequests(OrderCurrencies currencies, CheckoutConfig config, CallbackTargets callbackTargets) {
        this.currencies = currencies;
        this.config = config;
        this.callbackTargets = callbackTargets;
    }

    /** The {@code store} field, read first so authorisation comes before the rest. */
    public String storeId(JsonNode json) {
        return JsonRequest.body(json).requiredText("store", 64);
    }

    public NewCheckout read(JsonNode json) {
        JsonRequest body = JsonRequest.body(json);
        String storeId = body.requiredText("store", 64);
        String ecommerceType = body.requiredText("ecommerceType", 32).toLowerCase(Locale.ROOT);
        if (!ECOMMERCE_TYPE.matcher(ecommerceType).matches()) {
            throw ApiException.invalidField("ecommerceType",
                    "ecommerceType must be a short lowercase name such as api, wordpress or magento");
        }
        String ecommerceOrderId = body.requiredTextOrInteger("ecommerceOrderId", 128);
        BigDecimal orderTotal = orderTotal(body);
        String orderCurrency = orderCurrency(body.requiredText("orderCurrency", 16));
        String callbackUrl = callbackTargets.requirePublic(body.requiredHttpUrl("callbackUrl"), "callbackUrl");
        Optional<String> cancelReturnUrl = body.optionalHttpUrl("cancelReturnUrl");
        Optional<String> successReturnUrl = body.optionalHttpUrl("successReturnUrl");
        NewCheckout.Delivery delivery = delivery(body.requiredObject("deliveryInfo"));
        PaymentStatus initial = body.optionalText("paymentStatus", 16).map(CheckoutRequests::initialStatus).orElse(PaymentStatus.PENDING);
        return new NewCheckout(storeId, ecommerceType, ecommerceOrderId, orderTotal, orderCurrency, callbackUrl,
                cancelReturnUrl, successReturnUrl, delivery, initial);
    }

    private BigDecimal orderTotal(JsonRequest body) {
        BigDecimal total = body.requiredDecimal("orderTotal");
        if (total.signum() <= 0) {
            throw ApiException.invalidField("orderTotal", "orderTotal must be greater than 0");
        }
        if (Money.significantScale(total) > MAX_FRACTION_DIGITS) {
            throw ApiException.invalidField("orderTotal", "orderTotal may have at most " + MAX_FRACTION_DIGITS + " decimal places");
        }
        if (total.compareTo(config.maxOrderTotal()) > 0) {
            throw ApiException.invalidField("orderTotal",
                    "orderTotal must be at most " + config.maxOrderTotal().toPlainString() + " (confirma.checkout.max-order-total)");
        }
        return total;
    }

    /** An ISO 4217 currency (upper-cased) or an asset this server accepts (its configured spelling). */
    String orderCurrency(String value) {
        return currencies.canonical(value).orElseThrow(() -> ApiException.invalidField("orderCurrency",
                currencies.refusal("orderCurrency", value)));
    }

    private static NewCheckout.Delivery delivery(JsonRequest info) {
        String firstName = info.requiredText("firstName", 200);
        String lastName = info.requiredText("lastName", 200);
        String email = info.requiredText("email", 254);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalidField(info.name("email"), info.name("email") + " is not a valid email address");
        }
        return new NewCheckout.Delivery(
                firstName,
                lastName,
                email,
                info.requiredText("country", 64),
                info.optionalText("city", 200),
                info.optionalText("zip", 32),
                info.optionalText("address", 500),
                info.optionalText("complement", 500),
                info.optionalText("state", 200));
    }

    private static PaymentStatus initialStatus(String value) {
        return PluginStatus.parse(value).filter(PaymentStatus::isUnpaid).orElseThrow(() ->
                ApiException.invalidField("paymentStatus", "paymentStatus must be pending or on-hold"));
    }
}
