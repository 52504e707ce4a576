package dev.confirma.plugin;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The plugin API's request bodies as the OpenAPI document shows them, with examples from the
 * README's walk-through. The resource reads them by hand ({@link CheckoutRequests},
 * {@link OrderUpdateRequests}), which stay the authority on what is refused.
 */
final class PluginApiSchemas {

    @Schema(name = "CheckoutRequest", description = "A checkout, as a Cryptum plugin posts it. Unknown fields are ignored.")
    record Checkout(
            @Schema(required = true, description = "The store's id (the key's own store).") String store,
            @Schema(required = true, description = "api, wordpress, magento, … (lower-cased).") String ecommerceType,
            @Schema(required = true, description = "The shop's order id, a string or an integer (≤ 128 characters). While"
                    + " its order is unpaid, posting it again returns that order.", oneOf = {String.class, Long.class})
            Object ecommerceOrderId,
            @Schema(required = true, description = "Greater than 0, at most 18 decimal places, as a JSON number or a decimal"
                    + " string (read exactly, never as a float).", oneOf = {String.class, BigDecimal.class}) Object orderTotal,
            @Schema(required = true, description = "ISO 4217 (USD, BRL, EUR, any case) or an asset the server accepts (cUSD).")
            String orderCurrency,
            @Schema(required = true, description = "http(s) URL the signed callbacks are posted to; private and loopback"
                    + " hosts are refused unless the operator allows them.") String callbackUrl,
            @Schema(required = true) DeliveryInfo deliveryInfo,
            @Schema(description = "The order's first status.", enumeration = {"pending", "on-hold"}, defaultValue = "pending")
            String paymentStatus,
            @Schema(description = "http(s) URL the page links back to when the order is cancelled or expires.") String cancelReturnUrl,
            @Schema(description = "http(s) URL the page links back to once paid.") String successReturnUrl) {
    }

    @Schema(name = "CheckoutDeliveryInfo", description = "The shopper, as the shop knows them.")
    record DeliveryInfo(
            @Schema(required = true, maxLength = 200) String firstName,
            @Schema(required = true, maxLength = 200) String lastName,
            @Schema(required = true, maxLength = 254) String email,
            @Schema(required = true, maxLength = 64, description = "Two-letter ISO 3166-1 code, as WooCommerce sends it.") String country,
            @Schema(maxLength = 200) String city,
            @Schema(maxLength = 32) String zip,
            @Schema(maxLength = 500) String address,
            @Schema(maxLength = 500) String complement,
            @Schema(maxLength = 200) String state) {
    }

    @Schema(name = "CheckoutUpdateRequest", description = "What a plugin (or, with the session token, the shopper) changes on an"
            + " order. A shopper may only attach a hash, with its blockchain and paymentMethod.")
    record OrderUpdate(
            @Schema(description = "0x and 64 hex digits: a claim the chain watcher verifies, not a payment.", pattern = "^0x[0-9a-fA-F]{64}$")
            String transactionHash,
            @Schema(description = "The chain of the hash, one of the order's quotes' protocols.", example = "CELO") String blockchain,
            @Schema(description = "The asset paid, one of the order's quotes.", example = "cUSD") String paymentMethod,
            @Schema(description = "A plugin's status change: pending → on-hold | failed | cancelled, on-hold → failed | cancelled.",
                    enumeration = {"pending", "on-hold", "failed", "cancelled"}) String paymentStatus,
            @Schema(description = "The plugin's own converted total, kept for its records.", oneOf = {String.class, BigDecimal.class})
            Object convertedTotal) {
    }

    static final String CHECKOUT = """
            {"store": "3f0c1d2e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "ecommerceType": "wordpress", "ecommerceOrderId": 1001,
             "orderTotal": "49.90", "orderCurrency": "BRL",
             "callbackUrl": "https://shop.example/wc-api/cryptumcheckout_payment_gateway",
             "successReturnUrl": "https://shop.example/thanks", "cancelReturnUrl": "https://shop.example/cart",
             "deliveryInfo": {"firstName": "Ana", "lastName": "Lima", "email": "ana@example.com", "country": "BR",
                              "city": "Recife", "zip": "50000-000", "address": "Rua A, 1"}}
            """;

    static final String CHECKOUT_ANSWER = """
            {"id": "6f1c2b9e-8a4d-4f0e-9c3b-1d2e3f4a5b6c", "orderId": "6f1c2b9e-8a4d-4f0e-9c3b-1d2e3f4a5b6c",
             "ecommerceOrderId": "1001", "ecommerce": "wordpress", "storeId": "3f0c1d2e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "orderTotal": "49.90", "orderCurrency": "BRL", "paymentStatus": "pending", "status": "pending",
             "lifecycleStatus": "CREATED", "storeMarkupPercentage": 1.5, "storeDiscountPercentage": 0,
             "marketRates": {"CELO": "0.363636363636363636", "cUSD": "0.185185185185185185", "ETH": "0.000057142857142857"},
             "quotes": [{"protocol": "CELO", "asset": "CELO", "contract": null, "decimals": 18,
                         "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "amount": "18.417636363636363637",
                         "amountBaseUnits": "18417636363636363637",
                         "paymentUri": "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@42220?value=18417636363636363637"}],
             "expiresAt": "2026-03-07T15:15:00Z", "transactions": [], "late": false, "paymentException": null,
             "sessionToken": "eyJhbGciOiJIUzI1NiJ9.eyJvcmRlciI6IjZmMWMifQ.c2lnbmF0dXJl",
             "paymentUrl": "http://localhost:8080/pay/6f1c2b9e-8a4d-4f0e-9c3b-1d2e3f4a5b6c?sessionToken=eyJhbGciOiJIUzI1NiJ9.eyJvcmRlciI6IjZmMWMifQ.c2lnbmF0dXJl",
             "message": "Checkout created", "createdAt": "2026-03-07T15:00:00Z", "updatedAt": "2026-03-07T15:00:00Z"}
            """;

    static final String CLAIM = """
            {"transactionHash": "0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b",
             "blockchain": "CELO", "paymentMethod": "cUSD"}
            """;

    static final String CANCEL = """
            {"paymentStatus": "cancelled"}
            """;

    static final String SHORT_PAYMENT = """
            {"message": "Invalid transaction: received amount is less than order total", "status": "failed",
             "orderId": "6f1c2b9e-8a4d-4f0e-9c3b-1d2e3f4a5b6c", "ecommerceOrderId": "1001",
             "storeId": "3f0c1d2e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "transactions": [{"protocol": "CELO", "hash": "0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b",
                               "asset": "cUSD", "amount": "5", "confirmations": 10, "status": "confirmed"}],
             "error": {"code": "amount_less_than_total", "message": "Invalid transaction: received amount is less than order total",
                       "field": "transactionHash"}}
            """;

    static final String ALREADY_USED = """
            {"message": "Transaction 0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b on CELO already paid another order and cannot pay this one; pay this order with a new transaction",
             "status": "failed",
             "error": {"code": "transaction_already_used", "field": "transactionHash",
                       "message": "Transaction 0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b on CELO already paid another order and cannot pay this one; pay this order with a new transaction"}}
            """;

    private PluginApiSchemas() {
    }
}
