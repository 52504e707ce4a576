package dev.confirma.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The order object of CONTRACT §3, as plugins read it. Amounts are decimal strings. */
public record OrderView(
        String id,
        String ecommerceOrderId,
        String ecommerce,
        String storeId,
        String orderTotal,
        String orderCurrency,
        String paymentStatus,
        String status,
        String callbackUrl,
        String cancelReturnUrl,
        String successReturnUrl,
        DeliveryInfoView deliveryInfo,
        BigDecimal storeMarkupPercentage,
        BigDecimal storeDiscountPercentage,
        Map<String, String> marketRates,
        List<QuoteView> quotes,
        Instant expiresAt,
        List<TransactionView> transactions,
        String paymentMethod,
        String blockchain,
        String transactionHash,
        String convertedTotal,
        String amountReceived,
        /* paid after expiresAt, inside the late-payment window (confirma.checkout.monitoring) */
        boolean late,
        /* partial, over, late, or null: what was unusual about the payment, beside its status */
        String paymentException,
        String lifecycleStatus,
        Instant createdAt,
        Instant updatedAt) {

    public record DeliveryInfoView(String firstName, String lastName, String email, String country, String city,
                                   String zip, String address, String complement, String state) {
    }

    /** The amount due in one asset, locked until expiresAt: pay {@code amountBaseUnits} to {@code address}. */
    public record QuoteView(String protocol, String asset, String contract, int decimals, String address, String amount,
                            String amountBaseUnits, String paymentUri) {
    }

    /**
     * A payment for the order. {@code status}: {@code unverified} (a claimed hash the chain has
     * not shown yet), {@code pending} (seen, fewer confirmations than the chain's depth),
     * {@code confirmed}, or {@code ignored} (arrived but does not count; {@code note} says why).
     */
    public record TransactionView(String protocol, String hash, String asset, String amount, long confirmations,
                                  String status, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }
}
