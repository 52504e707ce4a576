package dev.confirma.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A validated store create or patch request. For a patch, an empty field means "unchanged";
 * for a create, defaults apply (no wallets, 0 % markup and discount, every asset, no retention, UTC).
 */
public record StoreDraft(
        Optional<String> name,
        Optional<List<StoreWallet>> wallets,
        Optional<BigDecimal> markupPercentage,
        Optional<BigDecimal> discountPercentage,
        Optional<List<String>> acceptedAssets,
        Optional<Retention> retention,
        Optional<String> timeZone) {

    /** {@code retentionDays}: erase personal fields that many days after an order is final; {@code days} null turns it off. */
    public record Retention(Integer days) {
    }
}
