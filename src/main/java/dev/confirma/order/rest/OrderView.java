package dev.confirma.order.rest;

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
        Instant createdAt,
        Instant updatedAt) {

    public record DeliveryInfoView(String firstName, String lastName, String email, String country, String city,
                                   String zip, String address, String complement, String state) {
    }

    /** The amount due in one asset, locked until expiresAt: pay {@code amountBaseUnits} to {@code address}. */
    public record QuoteView(String protocol, String asset, String contract, int decimals, String address, String amount,
                            String amountBaseUnits, String paymentUri) {
    }

    /** A payment seen for the order; {@code unverified} until the chain watcher has checked it. */
    public record TransactionView(String protocol, String hash, String asset, String amount, long confirmations,
                                  String status) {
    }
}
