package dev.confirma.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Orders API's request bodies as the OpenAPI document shows them, with examples from
 * docs/orders-api.md and docs/events-and-reports.md. The resources read them by hand
 * ({@link V1OrderRequests}, {@link V1Payments}, {@link V1Refunds}, {@link V1OrderActions},
 * {@link V1WebhookRequests}, {@link V1FraudRules}), which stay the authority on what is refused.
 */
final class V1ApiSchemas {

    /** The lifecycle actions of {@code POST /v1/orders/{id}/{action}}, as {@link V1OrderActions.Action} names them. */
    static final String ACTIONS = "fulfill, ship, deliver, hold, release, cancel, return, dispute, resolve";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1OrderRequest", description = "A new order. The server computes subtotal, total (items + tax + shipping) and"
            + " the quotes. An unknown field is refused, not ignored; every invalid field is named at once.")
    record NewOrder(
            @Schema(required = true, minItems = 1, maxItems = 100) List<Item> items,
            @Schema(required = true, description = "ISO 4217 (USD, BRL, EUR) or an accepted asset.") String currency,
            @Schema(description = "Decimal ≥ 0, a string or a JSON number.", oneOf = {String.class, BigDecimal.class}) Object tax,
            @Schema(description = "Decimal ≥ 0, a string or a JSON number.", oneOf = {String.class, BigDecimal.class}) Object shipping,
            @Schema(maxLength = 128, description = "The merchant's customer id.") String customerId,
            Address shippingAddress,
            @Schema(type = SchemaType.OBJECT, description = "Free keys and values, at most 50 keys.") Map<String, Object> metadata,
            @Schema(description = "http(s) URL that also gets the plugin-style callbacks of this order.") String callbackUrl,
            @Schema(description = "Seconds until the quotes expire, 60 to confirma.checkout.max-expires-in.") Integer expiresIn,
            @Schema(description = "The shopper's IPv4 or IPv6 address as the merchant's server saw it, for the fraud rules;"
                    + " kept only as a keyed hash.") String clientIp) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1OrderItemRequest")
    record Item(
            @Schema(required = true, maxLength = 128) String sku,
            @Schema(required = true, minimum = "1") Integer quantity,
            @Schema(required = true, description = "Decimal ≥ 0, a string or a JSON number.", oneOf = {String.class, BigDecimal.class})
            Object unitPrice,
            @Schema(maxLength = 500) String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1AddressRequest")
    record Address(String firstName, String lastName, String email, String line1, String line2, String city, String state,
                   String postalCode,
                   @Schema(description = "Two-letter ISO 3166-1 code, stored upper-case.") String country) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1PayRequest", description = "No body: the quotes and payment_url. With transaction_hash: a claim verified on"
            + " chain, as the plugin's hash.")
    record Pay(
            @Schema(pattern = "^0x[0-9a-fA-F]{64}$") String transactionHash,
            @Schema(description = "The chain of the hash (needs transaction_hash).", example = "CELO") String chain,
            @Schema(description = "The asset paid (needs transaction_hash).", example = "CELO") String asset) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1RefundRequest", description = "A refund of a PAID, HELD, RETURNED or DISPUTED order. With transaction_hash it"
            + " is read on the order's chain: verified at depth, pending until then; a transaction that does not pay it is"
            + " refused (422). Without, it is recorded unverified and covers nothing.")
    record Refund(
            @Schema(required = true, description = "Decimal > 0, in the asset.", oneOf = {String.class, BigDecimal.class}) Object amount,
            @Schema(required = true) String asset,
            @Schema(required = true, pattern = "^0x[0-9a-fA-F]{40}$", description = "Not one of the order's payment addresses.")
            String toAddress,
            @Schema(pattern = "^0x[0-9a-fA-F]{64}$", description = "Counts for one refund, ever.") String transactionHash) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1ActionRequest", description = "Optional for fulfill, ship, deliver, release, cancel and return; hold and dispute"
            + " need a reason, resolve an outcome. Carrier and tracking number only on fulfill and ship.")
    record Action(
            @Schema(maxLength = 64) String carrier,
            @Schema(maxLength = 128) String trackingNumber,
            @Schema(maxLength = 500, description = "Why; shown in the timeline.") String reason,
            @Schema(enumeration = {"reinstated", "refunded"}, description = "resolve only: back where it was, or refunded (only when"
                    + " verified refunds cover the order).") String outcome) {
    }

    @Schema(name = "V1BulkOrdersRequest")
    record BulkOrders(@Schema(required = true, minItems = 1, maxItems = 100) List<NewOrder> orders) {
    }

    @Schema(name = "V1BulkPayRequest")
    record BulkPay(@Schema(required = true, minItems = 1, maxItems = 100) List<BulkPayItem> orders) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1BulkPayItem")
    record BulkPayItem(@Schema(required = true) String orderId, String transactionHash, String chain, String asset) {
    }

    @Schema(name = "V1WebhookRequest", description = "On POST, url and events are required; on PATCH, only the fields sent change.")
    record Webhook(
            @Schema(description = "http(s); public unless the operator allows private targets.") String url,
            @Schema(description = "One or more of: order.created, order.payment_seen, order.paid, order.fulfilled, order.shipped,"
                    + " order.delivered, order.cancelled, order.returned, order.refunded, order.disputed, order.held,"
                    + " order.released, order.resolved.") List<String> events,
            @Schema(description = "At most 10 extra request headers (e.g. the receiver's own token); Confirma's own may not be"
                    + " replaced.") Map<String, String> headers,
            @Schema(defaultValue = "true", description = "false: nothing new is queued, what is queued waits.") Boolean enabled,
            @Schema(maxLength = 500) String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1FraudRulesRequest", description = "The rules, replaced whole: a threshold and at least one rule.")
    record FraudRules(
            @Schema(required = true, minimum = "1", maximum = "1000") Integer threshold,
            V1FraudRules.Velocity ordersPerEmailPerHour,
            V1FraudRules.Velocity ordersPerClientIpPerHour,
            V1FraudRules.Amounts amountAbove,
            V1FraudRules.Countries countries) {
    }

    @Schema(name = "V1WebhookList")
    record Webhooks(List<V1WebhookResource.Webhook> data) {
    }

    @Schema(name = "V1WebhookDeliveryList")
    record Deliveries(List<V1WebhookResource.Delivery> data) {
    }

    static final String NEW_ORDER = """
            {"customer_id": "cus_42", "currency": "BRL",
             "items": [{"sku": "CAFE-250", "quantity": 2, "unit_price": "8.00", "description": "Coffee, 250 g"}],
             "tax": "1.00", "shipping": "3.00",
             "shipping_address": {"first_name": "Ana", "last_name": "Lima", "line1": "Rua A, 1", "city": "Recife", "country": "BR"},
             "metadata": {"channel": "phone"}}
            """;

    static final String ORDER_CREATED = """
            {"id": "0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d", "status": "CREATED", "source": "api", "customer_id": "cus_42",
             "currency": "BRL",
             "items": [{"sku": "CAFE-250", "quantity": 2, "unit_price": "8", "description": "Coffee, 250 g", "amount": "16"}],
             "subtotal": "16", "tax": "1", "shipping_amount": "3", "total": "20", "metadata": {"channel": "phone"},
             "payment_url": "http://localhost:8080/pay/0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d?sessionToken=eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
             "shipping": {"address": {"first_name": "Ana", "last_name": "Lima", "line1": "Rua A, 1", "city": "Recife", "country": "BR"},
                          "carrier": null, "tracking_number": null},
             "payment": {"status": "pending", "quotes": [{"chain": "CELO", "chain_id": 42220, "asset": "CELO", "contract": null,
                         "decimals": 18, "address": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                         "amount": "7.381818181818181819", "amount_base_units": "7381818181818181819",
                         "payment_uri": "ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@42220?value=7381818181818181819"}]},
             "refunds": [], "timeline": [{"status": "CREATED", "timestamp": "2026-03-07T15:00:00Z", "actor": "ck_7Hn2Lp", "reason": null}],
             "created_at": "2026-03-07T15:00:00Z", "updated_at": "2026-03-07T15:00:00Z", "erased_at": null, "fraud_review": null}
            """;

    static final String INVALID_ORDER = """
            {"type": "urn:confirma:problem:invalid_request", "title": "Bad Request", "status": 400,
             "detail": "3 fields are invalid: items[0].quantity must be a whole number from 1 to 1000000; currency ZZZ is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH); tax must be 0 or more, with at most 18 decimal places",
             "errors": [{"field": "items[0].quantity", "message": "items[0].quantity must be a whole number from 1 to 1000000"},
                        {"field": "currency", "message": "currency ZZZ is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH)"},
                        {"field": "tax", "message": "tax must be 0 or more, with at most 18 decimal places"}],
             "message": "3 fields are invalid: items[0].quantity must be a whole number from 1 to 1000000; currency ZZZ is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH); tax must be 0 or more, with at most 18 decimal places",
             "error": {"code": "invalid_request", "field": "items[0].quantity",
                       "message": "3 fields are invalid: items[0].quantity must be a whole number from 1 to 1000000; currency ZZZ is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH); tax must be 0 or more, with at most 18 decimal places"}}
            """;

    static final String CLAIM = """
            {"transaction_hash": "0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b", "chain": "CELO", "asset": "CELO"}
            """;

    static final String REFUND = """
            {"amount": "7.381818181818181819", "asset": "CELO", "to_address": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
             "transaction_hash": "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"}
            """;

    static final String FULFILL = """
            {"carrier": "Correios", "tracking_number": "BR123456789"}
            """;

    static final String HOLD = """
            {"reason": "address does not match the card's country"}
            """;

    static final String RESOLVE = """
            {"outcome": "reinstated", "reason": "the bank closed the dispute in the store's favour"}
            """;

    static final String INVALID_TRANSITION = """
            {"type": "urn:confirma:problem:invalid_status_transition", "title": "Conflict", "status": 409,
             "detail": "Order 0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d is RETURNED and cannot become SHIPPED; from RETURNED it can become REFUNDED",
             "message": "Order 0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d is RETURNED and cannot become SHIPPED; from RETURNED it can become REFUNDED",
             "error": {"code": "invalid_status_transition",
                       "message": "Order 0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d is RETURNED and cannot become SHIPPED; from RETURNED it can become REFUNDED"},
             "current_status": "RETURNED", "allowed_statuses": ["REFUNDED"]}
            """;

    static final String BULK = """
            {"orders": [
              {"currency": "USD", "items": [{"sku": "TEE-M", "quantity": 1, "unit_price": "19.90"}], "customer_id": "cus_7"},
              {"currency": "USD", "items": [{"sku": "MUG", "quantity": 2, "unit_price": "8.50"}], "shipping": "4.00"}]}
            """;

    static final String BULK_PAY = """
            {"orders": [{"order_id": "0b6a6c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d"},
                        {"order_id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                         "transaction_hash": "0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b", "chain": "CELO"}]}
            """;

    static final String WEBHOOK = """
            {"url": "https://erp.example/hooks/confirma", "events": ["order.paid", "order.refunded", "order.held"],
             "headers": {"X-Erp-Token": "erp-7f3a"}, "description": "ERP"}
            """;

    static final String WEBHOOK_PATCH = """
            {"enabled": false}
            """;

    static final String FRAUD_RULES = """
            {"threshold": 60,
             "orders_per_email_per_hour": {"max": 3, "score": 50},
             "orders_per_client_ip_per_hour": {"max": 5, "score": 50},
             "amount_above": {"limits": {"USD": "1000.00", "BRL": "5000"}, "score": 30},
             "countries": {"codes": ["NG", "KP"], "score": 40}}
            """;

    static final String TOO_MANY_REPORTS = """
            {"message": "Every one of the 2 report slots is streaming (confirma.reports.max-concurrent); try again when a download has finished",
             "status": "failed", "error": {"code": "too_many_reports",
             "message": "Every one of the 2 report slots is streaming (confirma.reports.max-concurrent); try again when a download has finished"}}
            """;

    private V1ApiSchemas() {
    }
}
