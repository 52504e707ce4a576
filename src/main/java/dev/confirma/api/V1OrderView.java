package dev.confirma.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The merchant API's order (CONTRACT §7), snake_case. Amounts are decimal strings. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record V1OrderView(
        String id,
        String status,
        /* api: made through /v1; otherwise the plugin's ecommerce type (wordpress, …) */
        String source,
        String ecommerceOrderId,
        String customerId,
        String currency,
        List<Item> items,
        String subtotal,
        String tax,
        String shippingAmount,
        String total,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The merchant's keys and values, as sent") String metadata,
        String callbackUrl,
        /* the hosted page where the shopper pays */
        String paymentUrl,
        Shipping shipping,
        Payment payment,
        List<V1Refunds.Refund> refunds,
        List<Step> timeline,
        Instant createdAt,
        Instant updatedAt,
        /* when its personal fields were erased (DELETE /v1/customers/{id} or the store's retention); null until then */
        Instant erasedAt,
        /* the fraud screening's verdict; null when the store had no rules when the order was made */
        FraudReview fraudReview) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1FraudReview")
    public record FraudReview(int score, int threshold, boolean flagged, List<String> rulesFired, boolean held) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1OrderItem")
    public record Item(String sku, int quantity, String unitPrice, String description, String amount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Shipping")
    public record Shipping(Address address, String carrier, String trackingNumber) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Address")
    public record Address(String firstName, String lastName, String email, String line1, String line2, String city,
                          String state, String postalCode, String country) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Payment")
    public record Payment(String status, String exception, boolean late, Instant expiresAt, String asset, String chain,
                          String amountDue, String amountReceived, String transactionHash, List<Quote> quotes,
                          List<Transaction> transactions) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Quote")
    public record Quote(String chain, long chainId, String asset, String contract, int decimals, String address, String amount,
                        String amountBaseUnits, String paymentUri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Transaction")
    public record Transaction(String chain, String hash, String asset, String amount, long confirmations, String status,
                              String note) {
    }

    @Schema(name = "V1TimelineStep")
    public record Step(String status, Instant timestamp, String actor, String reason) {
    }
}
