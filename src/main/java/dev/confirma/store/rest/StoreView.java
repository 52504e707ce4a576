package dev.confirma.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A store as the operator sees it. {@code apiKey} appears only in the response that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoreView(
        String id,
        String name,
        List<WalletView> wallets,
        BigDecimal markupPercentage,
        BigDecimal discountPercentage,
        List<String> acceptedAssets,
        String timeZone,
        String webhookSecret,
        String apiKey,
        String apiKeyPrefix,
        /* days after an order is final that its personal fields are erased; null: never */
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer retentionDays,
        Instant createdAt,
        Instant updatedAt) {
}
