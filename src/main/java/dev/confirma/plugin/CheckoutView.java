package dev.confirma.plugin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The checkout response: the order object plus what the plugin needs to send the shopper to pay. */
public record CheckoutView(
        @JsonUnwrapped OrderView order,
        String orderId,
        String sessionToken,
        String paymentUrl,
        String message) {
}
