package dev.confirma.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A validated store create or patch request. For a patch, an empty field means "unchanged";
 * for a create, defaults apply (no wallets, 0 % markup and discount, every asset, UTC).
 */
public record StoreDraft(
        Optional<String> name,
        Optional<List<StoreWallet>> wallets,
        Optional<BigDecimal> markupPercentage,
        Optional<BigDecimal> discountPercentage,
        Optional<List<String>> acceptedAssets,
        Optional<String> timeZone) {
}
