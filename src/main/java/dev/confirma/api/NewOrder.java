package dev.confirma.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@code POST /v1/orders} body that passed every check. Amounts are in {@code currency}. */
record NewOrder(
        Optional<String> customerId,
        List<Item> items,
        Optional<Address> shippingAddress,
        Optional<String> metadataJson,
        String currency,
        BigDecimal tax,
        BigDecimal shipping,
        Optional<String> callbackUrl,
        Duration expiresIn,
        /* the shopper's address, as the merchant's server saw it: for the fraud rules */
        Optional<String> clientIp) {

    record Item(String sku, int quantity, BigDecimal unitPrice, Optional<String> description) {

        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    record Address(Optional<String> firstName, Optional<String> lastName, Optional<String> email, Optional<String> line1,
                   Optional<String> line2, Optional<String> city, Optional<String> state, Optional<String> postalCode,
                   Optional<String> country) {
    }

    BigDecimal subtotal() {
        return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the shopper pays: the items, tax and shipping, as the caller gave them. */
    BigDecimal total() {
        return subtotal().add(tax).add(shipping);
    }
}
