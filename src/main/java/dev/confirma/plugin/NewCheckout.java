package dev.confirma.plugin;

import dev.confirma.order.PaymentStatus;
import java.math.BigDecimal;
import java.util.Optional;

/** A checkout request that passed every check: what {@link CheckoutService} turns into an order. */
public record NewCheckout(
        String storeId,
        String ecommerceType,
        String ecommerceOrderId,
        BigDecimal orderTotal,
        String orderCurrency,
        String callbackUrl,
        Optional<String> cancelReturnUrl,
        Optional<String> successReturnUrl,
        Delivery delivery,
        PaymentStatus initialStatus) {

    public record Delivery(String firstName, String lastName, String email, String country,
                           Optional<String> city, Optional<String> zip, Optional<String> address,
                           Optional<String> complement, Optional<String> state) {
    }
}
